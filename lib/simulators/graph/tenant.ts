/**
 * The demo tenant's state: generated records (pure functions of seed and index) plus a
 * small overlay of changes made through `mutate` (updates, deletions, additions, membership
 * changes). Every change is logged with a version, which is what delta queries read.
 */
import { COLLECTIONS, genContext, locateId, type CollectionKind, type GenContext, type GraphObject, type TenantSizes } from "./data";
import { directMemberAt, directMemberCount, groupShape, type GroupShape, type MemberRef } from "./data/groups";
import { OrderCache } from "./order-index";
import { guidFor, KIND_CODES } from "./random";

export type { MemberRef };

export interface Change {
  version: number;
  kind: CollectionKind;
  index: number;
  /** Set for a membership change of group `index`. */
  member?: { ref: MemberRef; removed: boolean };
}

const key = (kind: string, index: number) => `${kind}:${index}`;

/** x^-1 mod n (x coprime to n), by the extended Euclidean algorithm. */
function modInverse(x: number, n: number): number {
  let [a, b, u, v] = [x % n, n, 1, 0];
  while (b !== 0) {
    const q = Math.floor(a / b);
    [a, b] = [b, a - q * b];
    [u, v] = [v, u - q * v];
  }
  return ((u % n) + n) % n;
}

/** Shapes cached with the inverse of their user step: membership tests are O(1). */
const SHAPE_CACHE_SIZE = 4096;

export class DemoTenant {
  readonly ctx: GenContext;
  version = 0;
  private readonly changes: Change[] = [];
  private readonly overrides = new Map<string, GraphObject | null>();
  private readonly added: Record<CollectionKind, number> = { users: 0, groups: 0, applications: 0, servicePrincipals: 0, devices: 0 };
  private readonly memberAdds = new Map<number, MemberRef[]>();
  private readonly memberRemovals = new Map<number, Set<string>>();
  private readonly removalReasons = new Map<string, "changed" | "deleted">();
  private readonly shapes = new Map<number, { shape: GroupShape; inverse: number }>();
  /** Sorted orders for `$orderby`, built once per query and tenant version. */
  readonly orders = new OrderCache();
  /** Objects read and member positions visited: tests bound the work a page costs with it. */
  readonly work = { visits: 0 };

  constructor(seed: number, sizes: Partial<TenantSizes>) {
    this.ctx = genContext(seed, sizes);
  }

  count(kind: CollectionKind): number {
    return COLLECTIONS[kind].count(this.ctx) + this.added[kind];
  }

  /** Record `index` of `kind` with its changes applied; null when deleted or out of range. */
  get(kind: CollectionKind, index: number): GraphObject | null {
    if (index < 0 || index >= this.count(kind)) return null;
    this.work.visits += 1;
    const override = this.overrides.get(key(kind, index));
    if (override !== undefined) return override;
    return COLLECTIONS[kind].at(this.ctx, index);
  }

  /** Finds an object by id (any kind), or null. */
  locate(id: string): { kind: CollectionKind; index: number } | null {
    const found = locateId(this.ctx, id);
    if (!found || found.index >= this.count(found.kind)) return null;
    return found;
  }

  private shapeOf(group: number): { shape: GroupShape; inverse: number } {
    let entry = this.shapes.get(group);
    if (!entry) {
      const shape = groupShape(this.ctx, group);
      const users = this.ctx.sizes.users;
      entry = { shape, inverse: users > 1 ? modInverse(shape.userStep, users) : 0 };
      if (this.shapes.size >= SHAPE_CACHE_SIZE) this.shapes.clear();
      this.shapes.set(group, entry);
    }
    return entry;
  }

  memberCount(group: number): number {
    return directMemberCount(this.shapeOf(group).shape) + (this.memberAdds.get(group)?.length ?? 0);
  }

  /** Whether `ref` is a direct member of `group`, in O(1) for generated members (the formula run backwards). */
  isDirectMember(group: number, ref: MemberRef): boolean {
    if (this.memberRemovals.get(group)?.has(key(ref.kind, ref.index))) return false;
    const { shape, inverse } = this.shapeOf(group);
    const users = this.ctx.sizes.users;
    if (ref.kind === "users" && ref.index < users && shape.userCount > 0) {
      // Member k is user (offset + k*step) mod users, so k = (u - offset) * step^-1 mod users.
      const k = users > 1 ? ((((ref.index - shape.userOffset) % users) + users) % users * inverse) % users : 0;
      if (k < shape.userCount) return true;
    }
    if (ref.kind === "groups" && shape.nestedGroups.includes(ref.index)) return true;
    if (ref.kind === "servicePrincipals" && shape.servicePrincipals.includes(ref.index)) return true;
    return this.memberAdds.get(group)?.some((a) => a.kind === ref.kind && a.index === ref.index) ?? false;
  }

  /** Groups directly nested in `group`, in member order (without walking its users). */
  nestedGroupsOf(group: number): number[] {
    const removed = this.memberRemovals.get(group);
    const adds = (this.memberAdds.get(group) ?? []).filter((r) => r.kind === "groups").map((r) => r.index);
    return [...this.shapeOf(group).shape.nestedGroups, ...adds].filter((g) => !removed?.has(key("groups", g)));
  }

  /** An iterator-friendly accessor for member k of a group; null for a removed member. */
  membersOf(group: number): { count: number; at(k: number): MemberRef | null } {
    const shape = this.shapeOf(group).shape;
    const base = directMemberCount(shape);
    const adds = this.memberAdds.get(group) ?? [];
    const removed = this.memberRemovals.get(group);
    return {
      count: base + adds.length,
      at: (k) => {
        this.work.visits += 1;
        const ref = k < base ? directMemberAt(this.ctx, shape, k) : (adds[k - base] ?? null);
        if (!ref || removed?.has(key(ref.kind, ref.index))) return null;
        return ref;
      },
    };
  }

  /** Changes after `version`, oldest first. */
  changesSince(version: number): readonly Change[] {
    let lo = 0;
    while (lo < this.changes.length && this.changes[lo]!.version <= version) lo++;
    return this.changes.slice(lo);
  }

  private log(change: Omit<Change, "version">): void {
    this.version += 1;
    this.changes.push({ ...change, version: this.version });
  }

  private require(kind: CollectionKind, id: string): number {
    const found = this.locate(id);
    if (!found || found.kind !== kind || this.get(kind, found.index) === null) throw new Error(`no ${kind} with id ${id}`);
    return found.index;
  }

  /** Changes the demo tenant (for delta tests and demos of incremental sync). */
  readonly mutate = {
    update: (kind: CollectionKind, id: string, patch: GraphObject): void => {
      const index = this.require(kind, id);
      this.overrides.set(key(kind, index), { ...this.get(kind, index)!, ...patch, id });
      this.log({ kind, index });
    },
    /** Deletes an object: soft (`@removed.reason` "changed", restorable in Entra) unless `permanent`. */
    remove: (kind: CollectionKind, id: string, options: { permanent?: boolean } = {}): void => {
      const index = this.require(kind, id);
      this.overrides.set(key(kind, index), null);
      this.removalReasons.set(key(kind, index), options.permanent ? "deleted" : "changed");
      this.log({ kind, index });
    },
    /** Adds an object built like the generated ones, with `props` on top; returns its id. */
    add: (kind: CollectionKind, props: GraphObject = {}): string => {
      const index = this.count(kind);
      const id = guidFor(this.ctx.seed, KIND_CODES[kind], index);
      this.added[kind] += 1;
      this.overrides.set(key(kind, index), { ...COLLECTIONS[kind].at(this.ctx, index), ...props, id });
      this.log({ kind, index });
      return id;
    },
    addMember: (groupIdValue: string, memberId: string): void => {
      const group = this.require("groups", groupIdValue);
      const ref = this.locate(memberId);
      if (!ref || ref.kind === "applications" || ref.kind === "devices") throw new Error(`no member with id ${memberId}`);
      const memberRef = ref as MemberRef;
      // Graph refuses to add an existing member; listing and transitive de-duplication rely on it.
      if (this.isDirectMember(group, memberRef)) throw new Error(`${memberId} is already a member of ${groupIdValue}`);
      // Re-adding a removed member un-removes it; anything else is appended.
      if (!this.memberRemovals.get(group)?.delete(key(memberRef.kind, memberRef.index))) {
        const adds = this.memberAdds.get(group) ?? [];
        adds.push(memberRef);
        this.memberAdds.set(group, adds);
      }
      this.log({ kind: "groups", index: group, member: { ref: memberRef, removed: false } });
    },
    removeMember: (groupIdValue: string, memberId: string): void => {
      const group = this.require("groups", groupIdValue);
      const ref = this.locate(memberId);
      if (!ref) throw new Error(`no member with id ${memberId}`);
      const removed = this.memberRemovals.get(group) ?? new Set<string>();
      removed.add(key(ref.kind, ref.index));
      this.memberRemovals.set(group, removed);
      this.log({ kind: "groups", index: group, member: { ref: ref as MemberRef, removed: true } });
    },
  };

  removalReason(kind: CollectionKind, index: number): "changed" | "deleted" {
    return this.removalReasons.get(key(kind, index)) ?? "deleted";
  }

  idOf(kind: CollectionKind, index: number): string {
    return guidFor(this.ctx.seed, KIND_CODES[kind], index);
  }
}
