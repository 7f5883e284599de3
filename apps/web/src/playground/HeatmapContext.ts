import { createContext, useContext } from 'react';
import type { HeatmapRenderer } from '../render/heatmapRenderer';

/** The playground's one heatmap renderer, shared by every canvas inside it. */
export const HeatmapContext = createContext<HeatmapRenderer | null>(null);

/** The enclosing playground's renderer (components outside a playground have none). */
export function useHeatmapRenderer(): HeatmapRenderer | null {
  return useContext(HeatmapContext);
}
