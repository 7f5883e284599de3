/**
 * Weights and biases a person typed far outside anything training makes.
 * When training then blows up, the divergence names the typed value as the
 * cause instead of blaming the learning rate (a student who typed 1e6 into
 * a weight should hear that it was the 1e6).
 */

/** A weight (`from` the neuron of the layer before) or a bias (`from` null) of neuron `to` in `layer` ≥ 1, as typed. */
export interface HandSetParameter {
  layer: number;
  to: number;
  from: number | null;
  value: number;
}

/** A typed weight or bias at least this large (in magnitude) is absurd: no playground problem needs one near it. */
export const ABSURD_PARAMETER = 100;

/** The absurd values typed into one network, by parameter index; a new network starts with none. */
export class HandSetParameters {
  private readonly byIndex = new Map<number, HandSetParameter>();

  /** Notes what was typed into parameter `index`: kept if absurd, and an ordinary value typed over it forgets it. */
  record(index: number, parameter: HandSetParameter): void {
    if (Math.abs(parameter.value) >= ABSURD_PARAMETER) this.byIndex.set(index, { ...parameter });
    else this.byIndex.delete(index);
  }

  /** The typed value to blame for a divergence: the largest whose parameter is still absurd in `params`, or null. */
  culprit(params: Float64Array): HandSetParameter | null {
    let worst: HandSetParameter | null = null;
    for (const [index, parameter] of this.byIndex) {
      // NaN counts as still absurd: the typed value is what made it so
      if (!(Math.abs(params[index]!) < ABSURD_PARAMETER) && (!worst || Math.abs(parameter.value) > Math.abs(worst.value))) {
        worst = parameter;
      }
    }
    return worst && { ...worst };
  }

  /** For the trainer's state: the values, or undefined when there are none (so most states do not change). */
  toState(): HandSetParameter[] | undefined {
    return this.byIndex.size === 0 ? undefined : [...this.byIndex.values()].map((parameter) => ({ ...parameter }));
  }

  /** From a state's list; `indexOf` places each in the network (and throws for one that is not in it). */
  static fromState(entries: readonly HandSetParameter[] | undefined, indexOf: (parameter: HandSetParameter) => number): HandSetParameters {
    const set = new HandSetParameters();
    for (const parameter of entries ?? []) set.record(indexOf(parameter), parameter);
    return set;
  }
}
