// The parts of convnetjs 0.3 (no bundled types) the engine benchmark uses.
declare module 'convnetjs' {
  export class Vol {
    constructor(sx: number, sy: number, depth: number, c?: number);
    w: Float64Array;
  }
  export interface LayerDef {
    type: string;
    num_neurons?: number;
    activation?: string;
    out_sx?: number;
    out_sy?: number;
    out_depth?: number;
  }
  export class Net {
    makeLayers(defs: LayerDef[]): void;
    forward(vol: Vol, isTraining?: boolean): Vol;
  }
  export class Trainer {
    constructor(net: Net, options: Record<string, unknown>);
    train(vol: Vol, y: number | number[]): unknown;
  }
  const convnetjs: { Vol: typeof Vol; Net: typeof Net; Trainer: typeof Trainer };
  export default convnetjs;
}
