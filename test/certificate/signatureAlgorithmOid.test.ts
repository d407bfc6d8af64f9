import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as forge from 'node-forge';
import { generateCertificate } from '../../src/certificate';
import { COMMON_SIGNATURE_ALGORITHMS, signatureAlgorithmOid } from '../../src/certificate/signatureAlgorithmOid';

const forgeOid = (der: Buffer): string => {
  const asn1 = forge.asn1.fromDer(forge.util.createBuffer(der.toString('binary')));
  const oidNode = ((asn1.value as forge.asn1.Asn1[])[1]?.value as forge.asn1.Asn1[])[0];
  return forge.asn1.derToOid(forge.util.createBuffer(oidNode?.value as string));
};

describe('signatureAlgorithmOid reads the DER as forge does, without forge', () => {
  it('agrees with forge on the example certificate and on generated ones (2048 and 4096 bits, long lengths)', async () => {
    const example = new X509Certificate(
      fs.readFileSync(path.join(__dirname, '..', '..', 'config', 'certs', 'example-ispm-server.crt'))
    );
    const generated = await Promise.all(
      [2048, 4096].map(
        async (bits) =>
          new X509Certificate(
            (
              await generateCertificate({ commonName: 'oid test', bits: bits as 2048 | 4096 })
            ).certificatePem
          )
      )
    );
    for (const cert of [example, ...generated]) expect(signatureAlgorithmOid(cert.raw)).toBe(forgeOid(cert.raw));
    expect(signatureAlgorithmOid(example.raw)).toBe('1.2.840.113549.1.1.11');
  });

  it('names the common algorithms exactly as forge names them', () => {
    for (const [oid, name] of Object.entries(COMMON_SIGNATURE_ALGORITHMS)) expect(forge.pki.oids[oid]).toBe(name);
  });

  it('refuses what is not a certificate', () => {
    expect(() => signatureAlgorithmOid(Buffer.from('3003020101', 'hex'))).toThrow();
  });
});
