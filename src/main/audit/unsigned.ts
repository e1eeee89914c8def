// The only audit entries written with nobody signed in, hence unsigned: failed sign-ins (the person
// failing has no key to sign with). Every other entry is signed by the account that acted; `audit verify`
// refuses an unsigned entry of any other kind once accounts exist.
export const UNSIGNED_ACTIONS: ReadonlySet<string> = new Set(['session.sign-in-failed']);
