import JSZip from 'jszip';
import { XMLParser } from 'fast-xml-parser';
import { applyDeploy, ComponentResult } from './deployEngine';
import { newId, OrgState } from './orgState';
import { pathFor } from './rules/packageRules';
import { fileSchemaProblems } from './rules/schemaRules';
import { deleteProfile, profileAsRetrieved } from './rules/profileRules';

/** jsforce finds Envelope and Body by prefixed name, and reads `<result>` (toolchain reference 4.3). */
export const soapEnvelope = (op: string, resultXml: string): string =>
  '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns="http://soap.sforce.com/2006/04/metadata">' +
  `<soapenv:Body><${op}Response>${resultXml}</${op}Response></soapenv:Body></soapenv:Envelope>`;

export const soapFault = (code: string, message: string): string =>
  '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:sf="urn:fault.partner.soap.sforce.com">' +
  `<soapenv:Body><soapenv:Fault><faultcode>sf:${code}</faultcode><faultstring>${code}: ${message}</faultstring></soapenv:Fault></soapenv:Body></soapenv:Envelope>`;

const parser = new XMLParser({ removeNSPrefix: true, parseTagValue: false, ignoreAttributes: true });
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export type SoapRequest = { op: string; args: Record<string, unknown>; sessionId: string | undefined };

export const parseSoap = (body: string): SoapRequest => {
  const envelope = (
    parser.parse(body) as {
      Envelope?: { Header?: { SessionHeader?: { sessionId?: string } }; Body?: Record<string, unknown> };
    }
  ).Envelope;
  const op = Object.keys(envelope?.Body ?? {})[0] ?? '';
  return {
    op,
    args: (envelope?.Body?.[op] ?? {}) as Record<string, unknown>,
    sessionId: envelope?.Header?.SessionHeader?.sessionId,
  };
};

type PendingDeploy = {
  id: string;
  polls: number;
  pollsNeeded: number;
  checkOnly: boolean;
  canceled: boolean;
  results: ComponentResult[];
  success: boolean;
  commit: () => void;
  committed: boolean;
};
type PendingRetrieve = {
  id: string;
  zipBase64: string;
  files: Array<{ type: string; fullName: string; fileName: string }>;
  missing: Array<{ type: string; fullName: string }>;
};

/** The Metadata SOAP API the product and the sf CLI use: deploy/retrieve/list, polled to completion. */
export class MetadataSoap {
  /** Members of each deploy received, in order (`Type:fullName`, sorted). */
  public readonly deployedMembers: string[][] = [];
  private readonly deploys = new Map<string, PendingDeploy>();
  private readonly retrieves = new Map<string, PendingRetrieve>();

  public constructor(private readonly org: { state: OrgState; deployPolls: number; stuckPolls: () => number }) {}

  // eslint-disable-next-line complexity -- a router: one branch per SOAP call the org answers
  public async handle(request: SoapRequest): Promise<string> {
    const a = request.args;
    switch (request.op) {
      case 'deploy':
        return this.deploy(String(a.ZipFile ?? ''), (a.DeployOptions ?? {}) as Record<string, string>);
      case 'checkDeployStatus':
        return soapEnvelope(
          'checkDeployStatus',
          `<result>${this.deployStatus(String(a.asyncProcessId ?? a.id ?? ''))}</result>`
        );
      case 'cancelDeploy':
        return this.cancel(String(a.String ?? a.asyncProcessId ?? a.id ?? ''));
      case 'retrieve':
        return this.retrieve((a.retrieveRequest ?? a.request ?? {}) as Record<string, unknown>);
      case 'checkRetrieveStatus':
        return soapEnvelope(
          'checkRetrieveStatus',
          `<result>${this.retrieveStatus(String(a.asyncProcessId ?? a.id ?? ''))}</result>`
        );
      case 'listMetadata':
        return this.listMetadata(a.queries);
      case 'deleteMetadata':
        return this.deleteMetadata(String(a.type ?? ''), [a.fullNames ?? []].flat().map(String));
      default:
        return soapFault('INVALID_OPERATION', `${request.op} is not supported by this simulator`);
    }
  }

  private async deploy(zipBase64: string, options: Record<string, string>): Promise<string> {
    const id = newId('0Af');
    const checkOnly = String(options.checkOnly) === 'true';
    const outcome = await applyDeploy(this.org.state, zipBase64, checkOnly);
    this.deployedMembers.push(outcome.results.map((r) => `${r.componentType}:${r.fullName}`).sort());
    const pending: PendingDeploy = {
      id,
      polls: 0,
      pollsNeeded: this.org.deployPolls + this.org.stuckPolls(),
      checkOnly,
      canceled: false,
      results: outcome.results,
      success: outcome.success,
      committed: false,
      commit: () => {
        // Applied only when the org reports Succeeded: rollbackOnError makes a deploy all or nothing.
        if (outcome.success && !checkOnly) Object.assign(this.org.state, outcome.state);
      },
    };
    this.deploys.set(id, pending);
    return soapEnvelope('deploy', `<result><done>false</done><id>${id}</id><state>Queued</state></result>`);
  }

  private deployStatus(id: string): string {
    const d = this.deploys.get(id);
    if (!d)
      return `<done>true</done><id>${id}</id><status>Failed</status><success>false</success><errorMessage>INVALID_ID_FIELD: invalid deploy id</errorMessage><errorStatusCode>INVALID_ID_FIELD</errorStatusCode>`;
    d.polls++;
    const total = d.results.length;
    const errors = d.results.filter((r) => !r.success).length;
    const counts = (deployed: number): string =>
      `<numberComponentErrors>${
        d.polls > d.pollsNeeded ? errors : 0
      }</numberComponentErrors><numberComponentsDeployed>${deployed}</numberComponentsDeployed><numberComponentsTotal>${total}</numberComponentsTotal><numberTestErrors>0</numberTestErrors><numberTestsCompleted>0</numberTestsCompleted><numberTestsTotal>0</numberTestsTotal>`;
    if (d.canceled)
      return `<checkOnly>${d.checkOnly}</checkOnly><done>true</done><id>${id}</id>${counts(
        0
      )}<rollbackOnError>true</rollbackOnError><status>Canceled</status><success>false</success>`;
    if (d.polls <= d.pollsNeeded)
      return `<checkOnly>${d.checkOnly}</checkOnly><done>false</done><id>${id}</id>${counts(
        Math.floor((total * d.polls) / (d.pollsNeeded + 1))
      )}<rollbackOnError>true</rollbackOnError><status>InProgress</status><success>false</success>`;
    if (!d.committed) {
      d.committed = true;
      d.commit();
    }
    const details = [
      ...d.results.map((r) => {
        const reportedType = r.componentType === 'Settings' ? `${r.fullName}Settings` : r.componentType;
        return r.success
          ? `<componentSuccesses><changed>${Boolean(
              r.changed
            )}</changed><componentType>${reportedType}</componentType><created>${Boolean(
              r.created
            )}</created><deleted>${Boolean(r.deleted)}</deleted><fileName>${r.fileName}</fileName><fullName>${
              r.fullName
            }</fullName><success>true</success></componentSuccesses>`
          : `<componentFailures><changed>false</changed><componentType>${reportedType}</componentType><created>false</created><deleted>false</deleted><fileName>${
              r.fileName
            }</fileName><fullName>${r.fullName}</fullName><problem>${esc(
              r.problem ?? ''
            )}</problem><problemType>Error</problemType><success>false</success></componentFailures>`;
      }),
      // Real orgs report the manifest itself with an empty componentType (toolchain reference 4.3).
      ...(d.success
        ? [
            '<componentSuccesses><changed>true</changed><componentType></componentType><created>false</created><deleted>false</deleted><fileName>package.xml</fileName><fullName>package.xml</fullName><success>true</success></componentSuccesses>',
          ]
        : []),
    ].join('');
    return `<checkOnly>${d.checkOnly}</checkOnly><details>${details}</details><done>true</done><id>${id}</id>${counts(
      d.success ? total : total - errors
    )}<rollbackOnError>true</rollbackOnError><status>${d.success ? 'Succeeded' : 'Failed'}</status><success>${
      d.success
    }</success>`;
  }

  private cancel(id: string): string {
    const d = this.deploys.get(id);
    if (d && !d.committed) d.canceled = true;
    return soapEnvelope('cancelDeploy', `<result><done>${Boolean(d?.canceled)}</done><id>${id}</id></result>`);
  }

  private async retrieve(request: Record<string, unknown>): Promise<string> {
    const id = newId('09S');
    const unpackaged = (request.unpackaged ?? {}) as { types?: unknown };
    const types = [unpackaged.types ?? []].flat() as Array<{ name?: string; members?: unknown }>;
    const members = types.flatMap((t) =>
      [t.members ?? []].flat().map((m) => ({ type: String(t.name), fullName: String(m) }))
    );
    const singlePackage = String(request.singlePackage) === 'true';
    const zip = new JSZip();
    const prefix = singlePackage ? '' : 'unpackaged/';
    const files: PendingRetrieve['files'] = [];
    const missing: PendingRetrieve['missing'] = [];
    for (const m of members) {
      const held = this.org.state.components.get(`${m.type}:${m.fullName}`);
      if (!held) {
        missing.push(m);
        continue;
      }
      let xml = held.xml;
      if (m.type === 'ExtlClntAppGlobalOauthSettings') {
        // The secret is never released; the key only where the org allows it (reference A.3, A.8.6).
        const key = this.org.state.consumerKeys.get(held.xml.match(/<externalClientApplication>([^<]+)</)?.[1] ?? '');
        if (key && this.org.state.releaseConsumerKey)
          xml = xml.replace(
            '<externalClientApplication>',
            `<consumerKey>${key}</consumerKey>\n    <externalClientApplication>`
          );
        // A shape from a probe can say the org's retrieve leaves the certificate out.
        if (!this.org.state.releaseCertificate) xml = xml.replace(/\s*<certificate>[^<]*<\/certificate>/, '');
      }
      if (m.type === 'Profile') xml = profileAsRetrieved(this.org.state, m.fullName, xml);
      // What a retrieve returns exists in the published schema; anything else is a simulator defect.
      const problems = fileSchemaProblems(m.type, m.fullName, xml);
      if (problems.length)
        throw new Error(
          `org simulator: a retrieve of ${m.type}:${
            m.fullName
          } would return what Salesforce's Metadata API schema lacks: ${problems.join('; ')}`
        );
      zip.file(`${prefix}${held.path}`, xml);
      files.push({ type: m.type, fullName: m.fullName, fileName: `${prefix}${held.path}` });
    }
    const manifest = `<?xml version="1.0" encoding="UTF-8"?>\n<Package xmlns="http://soap.sforce.com/2006/04/metadata">\n${types
      .map(
        (t) =>
          `    <types>\n${[t.members ?? []]
            .flat()
            .map((m) => `        <members>${String(m)}</members>\n`)
            .join('')}        <name>${String(t.name)}</name>\n    </types>\n`
      )
      .join('')}    <version>64.0</version>\n</Package>\n`;
    zip.file(`${prefix}package.xml`, manifest);
    this.retrieves.set(id, {
      id,
      zipBase64: (await zip.generateAsync({ type: 'nodebuffer' })).toString('base64'),
      files,
      missing,
    });
    return soapEnvelope('retrieve', `<result><done>false</done><id>${id}</id><state>Queued</state></result>`);
  }

  private retrieveStatus(id: string): string {
    const r = this.retrieves.get(id);
    if (!r) return `<done>true</done><id>${id}</id><status>Failed</status><success>false</success>`;
    const props = r.files
      .map(
        (f) =>
          `<fileProperties><createdById>005000000000001</createdById><fileName>${f.fileName}</fileName><fullName>${
            f.fullName
          }</fullName><id>${newId('000')}</id><type>${f.type}</type></fileProperties>`
      )
      .join('');
    // Real wording for a member the org does not have (a retrieve warning, not a failure).
    const messages = r.missing
      .map(
        (m) =>
          `<messages><fileName>${pathFor(m.type, m.fullName) ?? m.fullName}</fileName><problem>Entity of type '${
            m.type
          }' named '${m.fullName}' cannot be found</problem></messages>`
      )
      .join('');
    return `<done>true</done>${props}<id>${id}</id>${messages}<status>Succeeded</status><success>true</success><zipFile>${r.zipBase64}</zipFile>`;
  }

  /** CRUD delete (Metadata API deleteMetadata): one result per name; only profiles are supported here. */
  private deleteMetadata(type: string, fullNames: string[]): string {
    const results = fullNames.map((fullName) => {
      const problem =
        type === 'Profile'
          ? deleteProfile(this.org.state, fullName)
          : `deleteMetadata of ${type} is not supported by this simulator`;
      return problem
        ? `<result><errors><message>${esc(
            problem
          )}</message><statusCode>INVALID_CROSS_REFERENCE_KEY</statusCode></errors><fullName>${esc(
            fullName
          )}</fullName><success>false</success></result>`
        : `<result><fullName>${esc(fullName)}</fullName><success>true</success></result>`;
    });
    return soapEnvelope('deleteMetadata', results.join(''));
  }

  private listMetadata(queries: unknown): string {
    const types = [queries ?? []].flat().map((q) => String((q as { type?: string }).type ?? ''));
    const results = [...this.org.state.components.values()]
      .filter((c) => types.includes(c.type))
      .map(
        (c) =>
          `<result><createdById>005000000000001</createdById><fileName>${c.path}</fileName><fullName>${
            c.fullName
          }</fullName><id>${newId('000')}</id><type>${c.type}</type></result>`
      )
      .join('');
    return soapEnvelope('listMetadata', results);
  }
}
