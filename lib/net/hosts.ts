/**
 * Loopback host names as URL.hostname spells them: the only hosts where plain http may
 * carry a secret (the simulators, a local proxy).
 */
export const LOOPBACK_HOSTNAMES: ReadonlySet<string> = new Set(["localhost", "127.0.0.1", "[::1]"]);
