import { protocolError, type ErrorCode, type ProtocolError } from '@playroom/protocol';

/** A request the domain refuses, carrying the protocol error to answer with. */
export class Refusal extends Error {
  readonly error: ProtocolError;

  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.error = protocolError(code, message, field);
  }
}
