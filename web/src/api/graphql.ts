// A small GraphQL client: errors from the network, the server or the schema become one Error
// with a message a person can read. A request that is superseded is cancelled (signal).
export class ApiError extends Error {
  constructor(
    message: string,
    /** The API's error code (BAD_USER_INPUT, UNAUTHENTICATED, RATE_LIMITED, ...), when it sent one. */
    readonly code: string | null = null,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** `lang` asks for the API's method texts in that language (Accept-Language). */
export async function graphql<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal, lang = 'de'): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': lang },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('Der Server ist nicht erreichbar. Bitte Verbindung prüfen und neu laden.');
  }
  const body = (await response.json().catch(() => null)) as { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] } | null;
  if (body?.errors?.length) {
    const extensions = body.errors[0].extensions ?? {};
    throw new ApiError(body.errors.map((e) => e.message).join('; '), typeof extensions.code === 'string' ? extensions.code : null, extensions);
  }
  if (!response.ok || !body?.data) throw new ApiError(`Der Server antwortete mit Status ${response.status}.`);
  return body.data;
}
