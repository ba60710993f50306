import { webcrypto } from 'node:crypto';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { P12Signer } from '@signpdf/signer-p12';
import { SignPdf } from '@signpdf/signpdf';
import { fromBER } from 'asn1js';
import { PDFDocument } from 'pdf-lib';
import { Certificate, ContentInfo, CryptoEngine, setEngine, SignedData } from 'pkijs';
import type { SigningIdentity } from './signing-identity.js';

setEngine('node-webcrypto', new CryptoEngine({ name: 'node-webcrypto', crypto: webcrypto as never }));

/**
 * Signs a PDF in place (PAdES-style: an embedded CMS signature over the byte ranges around it,
 * @signpdf), so any PDF reader shows the signature and any changed byte breaks it.
 */
export async function signPdf(document: PDFDocument, identity: SigningIdentity, details: { reason: string; location: string; name: string }): Promise<Uint8Array> {
  pdflibAddPlaceholder({ pdfDoc: document, reason: details.reason, location: details.location, name: details.name, contactInfo: '', signatureLength: 8192 });
  const unsigned = await document.save({ useObjectStreams: false });
  return new Uint8Array(await new SignPdf().sign(Buffer.from(unsigned), new P12Signer(Buffer.from(identity.p12), { passphrase: identity.passphrase })));
}

export interface SignatureCheck {
  valid: boolean;
  /** The signer's certificate subject (common name). */
  signer?: string;
  /** Why it is not valid. */
  problem?: string;
}

/** Checks the PDF's embedded signature: the byte ranges cover the whole file but the signature, and the CMS verifies over them. */
export async function verifyPdfSignature(bytes: Uint8Array): Promise<SignatureCheck> {
  const text = Buffer.from(bytes).toString('latin1');
  const match = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(text);
  if (!match) return { valid: false, problem: 'no signature' };
  const [start, firstLength, secondStart, secondLength] = match.slice(1).map(Number) as [number, number, number, number];
  if (start !== 0 || secondStart + secondLength !== bytes.length) return { valid: false, problem: 'the signature does not cover the whole file' };
  const contents = text.slice(firstLength, secondStart).replace(/[<>\s]/g, '');
  const der = Buffer.from(contents, 'hex');
  const signed = Buffer.concat([bytes.subarray(0, firstLength), bytes.subarray(secondStart, secondStart + secondLength)]);
  try {
    const asn1 = fromBER(new Uint8Array(der).buffer);
    const signedData = new SignedData({ schema: new ContentInfo({ schema: asn1.result }).content });
    const valid = await signedData.verify({ signer: 0, data: new Uint8Array(signed).buffer, checkChain: false });
    const certificate = signedData.certificates?.find((candidate): candidate is Certificate => candidate instanceof Certificate);
    const commonName = certificate?.subject.typesAndValues.find((entry) => entry.type === '2.5.4.3')?.value.valueBlock.value as string | undefined;
    return valid ? { valid, signer: commonName } : { valid: false, signer: commonName, problem: 'the signature does not match the content' };
  } catch (error) {
    return { valid: false, problem: `the signature does not verify: ${(error as Error).message}` };
  }
}
