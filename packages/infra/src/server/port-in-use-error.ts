/** Listening failed because another process holds the port. */
export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
  readonly code = 'EADDRINUSE';

  constructor(
    readonly host: string,
    readonly port: number,
    readonly service: string,
  ) {
    super(`${service}: port ${port} on ${host} is already in use`);
  }
}
