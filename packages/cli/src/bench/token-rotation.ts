/** Hands out the tokens in turn, from the first again after the last. */
export function tokenRotation(tokens: readonly string[]): () => string {
  if (tokens.length === 0) throw new RangeError('no tokens to rotate');
  let i = 0;
  return () => {
    const token = tokens[i]!;
    i = (i + 1) % tokens.length;
    return token;
  };
}
