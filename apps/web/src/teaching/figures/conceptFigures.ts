import type { ComponentType } from 'react';
import type { ConceptId } from '@playroom/engine';
import { BiasFigure } from './BiasFigure';
import { GradientDescentFigure, LearningRateFigure } from './DescentFigures';
import { EpochBatchFigure } from './EpochBatchFigure';
import { FeaturesFigure } from './FeaturesFigure';
import { GradientHealthFigure } from './GradientHealthFigure';
import { LossFigure } from './LossFigure';
import { NonLinearityFigure } from './NonLinearityFigure';
import { ProblemTypesFigure } from './ProblemTypesFigure';
import { RegularizationFigure } from './RegularizationFigure';

/** Each concept's live figure: a Record, so a new concept does not compile until it has one. */
export const CONCEPT_FIGURES: Readonly<Record<ConceptId, ComponentType>> = {
  nonLinearity: NonLinearityFigure,
  features: FeaturesFigure,
  gradientDescent: GradientDescentFigure,
  gradientHealth: GradientHealthFigure,
  loss: LossFigure,
  bias: BiasFigure,
  learningRate: LearningRateFigure,
  regularization: RegularizationFigure,
  problemTypes: ProblemTypesFigure,
  epochBatch: EpochBatchFigure,
};
