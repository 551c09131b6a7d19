import pkg from "../../package.json";

/** The app's version, from package.json (the health endpoint and the UI footer show it). */
export function appVersion(): string {
  return pkg.version;
}
