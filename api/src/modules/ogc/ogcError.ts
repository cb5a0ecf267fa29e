// An answer of the OGC API other than 200: its HTTP status and what is wrong.
export class OgcError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A bad parameter: 400 with what is wrong and what is allowed. */
export const bad = (message: string) => new OgcError(400, message);

