/**
 * User i of the demo tenant, as a pure function of (seed, i). Members and guests, some
 * disabled, some without mail or display name, realistic departments, titles, dates and
 * signInActivity. Returns the full object; the query layer projects it.
 */
import { guidFor, isoDaysBefore, KIND_CODES, plainGuid, rngFor } from "../random";
import type { GenContext, GraphObject } from "./context";
import { DEPARTMENTS, FIRST_NAMES, GUEST_DOMAINS, LAST_NAMES, OFFICES } from "./words";

const NAME_PAIRS = FIRST_NAMES.length * LAST_NAMES.length;
const DEPARTMENT_WEIGHT = DEPARTMENTS.reduce((s, d) => s + d.weight, 0);

/** Graph's default property set for users (no `$select`). */
export const USER_DEFAULT_PROPERTIES = [
  "businessPhones", "displayName", "givenName", "id", "jobTitle", "mail", "mobilePhone",
  "officeLocation", "preferredLanguage", "surname", "userPrincipalName",
] as const;

export const USER_PROPERTIES = [
  ...USER_DEFAULT_PROPERTIES,
  "accountEnabled", "ageGroup", "city", "companyName", "country", "createdDateTime", "creationType",
  "department", "employeeHireDate", "employeeId", "employeeType", "externalUserState", "identities",
  "lastPasswordChangeDateTime", "mailNickname", "onPremisesSyncEnabled", "otherMails", "proxyAddresses",
  "signInActivity", "usageLocation", "userType",
] as const;

export function departmentFor(weightTicket: number): (typeof DEPARTMENTS)[number] {
  let t = weightTicket % DEPARTMENT_WEIGHT;
  for (const d of DEPARTMENTS) {
    if (t < d.weight) return d;
    t -= d.weight;
  }
  return DEPARTMENTS[0]!;
}

export function userId(ctx: GenContext, i: number): string {
  return guidFor(ctx.seed, KIND_CODES.users, i);
}

/** Names walk all first x last pairs once per cycle (1063 is coprime to 3600), so UPNs are unique. */
function nameFor(ctx: GenContext, i: number): { first: string; last: string; suffix: string } {
  const pair = (i * 1063 + (ctx.seed % NAME_PAIRS)) % NAME_PAIRS;
  const cycle = Math.floor(i / NAME_PAIRS);
  return {
    first: FIRST_NAMES[pair % FIRST_NAMES.length]!,
    last: LAST_NAMES[Math.floor(pair / FIRST_NAMES.length)]!,
    suffix: cycle === 0 ? "" : String(cycle + 1),
  };
}

export function userAt(ctx: GenContext, i: number): GraphObject {
  const rng = rngFor(ctx.seed, KIND_CODES.users, i);
  const { first, last, suffix } = nameFor(ctx, i);
  const guest = i > 10 && rng.chance(0.12);
  const enabled = !rng.chance(0.06);
  const created = isoDaysBefore(rng.between(30, 9 * 365), rng);
  const local = `${first}.${last}${suffix}`.toLowerCase().normalize("NFD").replace(/[^a-z0-9.]/g, "");
  const neverSignedIn = rng.chance(0.08);
  const lastSignInDays = rng.between(0, rng.chance(0.15) ? 400 : 45);
  const signIn = (days: number) => (neverSignedIn ? null : isoDaysBefore(days, rng));
  const signInActivity = {
    lastSignInDateTime: signIn(lastSignInDays),
    lastSignInRequestId: neverSignedIn ? null : plainGuid(rng),
    lastNonInteractiveSignInDateTime: signIn(Math.max(0, lastSignInDays - rng.between(0, 5))),
    lastNonInteractiveSignInRequestId: neverSignedIn ? null : plainGuid(rng),
    lastSuccessfulSignInDateTime: signIn(lastSignInDays + rng.between(0, 2)),
    lastSuccessfulSignInRequestId: neverSignedIn ? null : plainGuid(rng),
  };
  const id = userId(ctx, i);

  if (guest) {
    const domain = rng.pick(GUEST_DOMAINS);
    const external = `${local}@${domain}`;
    return {
      id,
      businessPhones: [],
      displayName: rng.chance(0.05) ? null : `${first} ${last}${suffix} (${domain.split(".")[0]})`,
      givenName: null,
      jobTitle: null,
      mail: external,
      mobilePhone: null,
      officeLocation: null,
      preferredLanguage: null,
      surname: null,
      userPrincipalName: `${external.replace("@", "_")}#EXT#@${ctx.initialDomain}`,
      accountEnabled: enabled,
      ageGroup: null,
      city: null,
      companyName: null,
      country: null,
      createdDateTime: created,
      creationType: "Invitation",
      department: null,
      employeeHireDate: null,
      employeeId: null,
      employeeType: null,
      externalUserState: rng.chance(0.8) ? "Accepted" : "PendingAcceptance",
      identities: [{ signInType: "userPrincipalName", issuer: ctx.initialDomain, issuerAssignedId: `${external.replace("@", "_")}#EXT#@${ctx.initialDomain}` }],
      lastPasswordChangeDateTime: created,
      mailNickname: `${external.replace("@", "_")}#EXT#`,
      onPremisesSyncEnabled: null,
      otherMails: [external],
      proxyAddresses: [`SMTP:${external}`],
      signInActivity,
      usageLocation: null,
      userType: "Guest",
    };
  }

  const dept = departmentFor(rng.int(1 << 30));
  const office = OFFICES[rng.int(OFFICES.length)]!;
  const hasMail = !rng.chance(0.04);
  const mail = hasMail ? `${local}@${ctx.mailDomain}` : null;
  const synced = rng.chance(0.35);
  return {
    id,
    businessPhones: rng.chance(0.7) ? [`${office.phone}${String(rng.between(1000, 9999))}`] : [],
    displayName: rng.chance(0.01) ? null : `${first} ${last}${suffix}`,
    givenName: first,
    jobTitle: rng.chance(0.05) ? null : rng.pick(dept.titles),
    mail,
    mobilePhone: rng.chance(0.4) ? `${office.phone}${String(rng.between(1000, 9999))}` : null,
    officeLocation: office.office,
    preferredLanguage: office.lang,
    surname: last,
    userPrincipalName: `${local}@${ctx.initialDomain}`,
    accountEnabled: enabled,
    ageGroup: null,
    city: office.city,
    companyName: "Contoso (demo)",
    country: office.country,
    createdDateTime: created,
    creationType: null,
    department: rng.chance(0.03) ? null : dept.name,
    employeeHireDate: isoDaysBefore(rng.between(30, 12 * 365), rng),
    employeeId: rng.chance(0.9) ? String(100000 + i) : null,
    employeeType: rng.chance(0.85) ? "Employee" : "Contractor",
    externalUserState: null,
    identities: [{ signInType: "userPrincipalName", issuer: ctx.initialDomain, issuerAssignedId: `${local}@${ctx.initialDomain}` }],
    lastPasswordChangeDateTime: isoDaysBefore(rng.between(1, 365), rng),
    mailNickname: local,
    onPremisesSyncEnabled: synced ? true : null,
    otherMails: [],
    proxyAddresses: mail ? [`SMTP:${mail}`, `smtp:${local}@${ctx.initialDomain}`] : [],
    signInActivity,
    usageLocation: office.usage,
    userType: "Member",
  };
}
