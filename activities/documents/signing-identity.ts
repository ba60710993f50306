import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

/**
 * The agency's signing key and certificate as a PKCS#12 bundle. Production: the agency's
 * certificate from a licensed CA (a .p12 file named by MOTCUA_SIGNING_P12, its passphrase in
 * MOTCUA_SIGNING_PASSPHRASE; a USB token or HSM signer replaces `P12Signer` in pdf-signature.ts).
 * Development: a self-signed certificate generated once.
 */
export interface SigningIdentity {
  p12: Uint8Array;
  passphrase: string;
}

/**
 * A self-signed certificate for `commonName`, valid for ten years: the dev stack's and the tests'
 * signer. The name is ASCII: @signpdf's P12 signer (node-forge) re-encodes a UTF-8 issuer name so
 * that verifiers no longer match it to the certificate.
 */
export function developmentSigningIdentity(commonName: string): SigningIdentity {
  if (!/^[\x20-\x7e]+$/.test(commonName)) throw new Error(`the development signer's name must be ASCII: "${commonName}"`);
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  certificate.serialNumber = `01${randomBytes(8).toString('hex')}`;
  certificate.validity.notBefore = new Date(Date.now() - 86_400_000);
  certificate.validity.notAfter = new Date(Date.now() + 10 * 365 * 86_400_000);
  const subject = [
    { name: 'commonName', value: commonName },
    { name: 'organizationName', value: 'MotCua (development)' },
    { name: 'countryName', value: 'VN' },
  ];
  certificate.setSubject(subject);
  certificate.setIssuer(subject);
  certificate.setExtensions([{ name: 'keyUsage', digitalSignature: true, nonRepudiation: true }]);
  certificate.sign(key, forge.md.sha256.create());
  const passphrase = randomBytes(12).toString('hex');
  const p12 = forge.pkcs12.toPkcs12Asn1(key, [certificate], passphrase, { algorithm: '3des' });
  return { p12: Uint8Array.from(Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary')), passphrase };
}
