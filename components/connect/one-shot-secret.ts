/**
 * A secret handed to a save mutation. react-query keeps a mutation's variables in its
 * cache; this box gives its value up once, to the request body, and then holds nothing,
 * so neither the cache nor a serialisation of it ever carries the secret.
 */
export class OneShotSecret {
  #value: string | undefined;

  constructor(value: string) {
    // Blank means "keep the stored secret": send nothing.
    this.#value = value.trim() === "" ? undefined : value;
  }

  /** The value the first time; undefined afterwards. */
  take(): string | undefined {
    const value = this.#value;
    this.#value = undefined;
    return value;
  }

  toJSON(): string {
    return "[write-only secret]";
  }

  toString(): string {
    return "[write-only secret]";
  }
}
