// The seal of the forms a database sends out: everything derived from its secret (the 32
// random bytes the store keeps, Store.formSecret). A form's origin names the database (db) and
// carries its signature (HMAC-SHA256 over shared/form-origin.ts signedText); the form's sheets
// are protected with a password derived from the same secret. Only this database can make a
// signature that verifies here, so a returned file whose origin was edited — to send its values
// to another commune, or to pretend other values were issued — is told apart from a genuine one.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { signedText, type FormOrigin } from '../../shared/form-origin';
import type { Store } from './store/store';

export interface FormSeal {
  /** The issuing database's id: public, written in every origin. */
  db: string;
  /** The password of the form's sheet protection. */
  sheetPassword: string;
  /** The signature of an origin (hex). */
  sign(origin: FormOrigin): string;
  /** The signature of an origin's signedText, already made (hex). */
  signText(text: string): string;
}

/** Domain labels: one secret, several keys that can never be mistaken for each other. */
const hmac = (secret: Buffer, label: string, text = '') => createHmac('sha256', secret).update(`pcgd-xmc/${label}\n${text}`, 'utf8').digest();

export function sealOf(secret: Buffer): FormSeal {
  return {
    db: hmac(secret, 'db-id').subarray(0, 16).toString('hex'),
    // 24 characters of base64url: 144 bits, typable should an officer ever need it (they do not:
    // the app never shows it; a commune has no reason to unprotect the layout).
    sheetPassword: hmac(secret, 'sheet-password').toString('base64url').slice(0, 24),
    sign: (origin) => hmac(secret, 'form-origin', signedText(origin)).toString('hex'),
    signText: (text) => hmac(secret, 'form-origin', text).toString('hex'),
  };
}

// Seals by secret: a batch asks for its store's seal once per form, and each seal costs two
// HMACs to make. The store hands out the same Buffer once it has read its secret.
const sealsBySecret = new WeakMap<Buffer, FormSeal>();

/** The seal of this database (its secret is made on first need). */
export function storeSeal(store: Store): FormSeal {
  const secret = store.formSecret();
  let seal = sealsBySecret.get(secret);
  if (!seal) sealsBySecret.set(secret, (seal = sealOf(secret)));
  return seal;
}

/**
 * What an origin can be trusted for here:
 * - `signed`: issued by this database and unchanged since;
 * - `bad-signature`: names this database but its signature does not verify (edited, or
 *   the signature removed);
 * - `unsigned`: sent before forms were signed (no database named, no signature): nothing
 *   tells a genuine one from an edited one;
 * - `foreign`: issued by another database (another PC, or this one before its data was made
 *   again): its signature cannot be checked here and its ids mean nothing here.
 */
export type OriginTrust = 'signed' | 'bad-signature' | 'unsigned' | 'foreign';

export function originTrust(seal: FormSeal, origin: FormOrigin): OriginTrust {
  if (origin.db === undefined) return 'unsigned';
  if (origin.db !== seal.db) return 'foreign';
  if (origin.sig === undefined) return 'bad-signature';
  const want = Buffer.from(seal.sign(origin), 'hex');
  const got = Buffer.from(origin.sig, 'hex');
  return got.length === want.length && timingSafeEqual(got, want) ? 'signed' : 'bad-signature';
}
