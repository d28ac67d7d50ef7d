import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftFromTermsText } from '../../src/engine.js';
import { renderMarkdown } from '../../src/export/markdown.js';
import { builtinLibrary } from '../helpers/engine.js';
import { ROOT } from '../helpers/run.js';

/**
 * Counsel's second review: a ground station misdescribed as having nothing to do
 * with space objects, mission data given to whoever owns the antenna, and "Each Party" obligations
 * generated for a Party that has nothing to perform them with. Each test reads more than one draft.
 */
const example = (name: string) => readFileSync(join(ROOT, 'examples', name), 'utf8');
const draftOf = (yaml: string, lang: 'en' | 'zh' = 'en') => draftFromTermsText(yaml, 'terms.yaml', builtinLibrary(), { lang }).draft;
const withNotes = (yaml: string) => renderMarkdown(draftOf(yaml));
const articleText = (yaml: string, clausePrefix: string, lang: 'en' | 'zh' = 'en') => {
  const a = draftOf(yaml, lang).articles.find((x) => x.clauseId.startsWith(clausePrefix));
  // Paragraph text and the items under it (a winding-up plan's (a), (b) ...).
  return a ? { number: a.number, text: a.blocks.map((b) => [b.text, ...b.items.map((i) => i.text)].join('\n')).join('\n') } : undefined;
};
const setForm = (yaml: string, form: string) => yaml.replace(/^form: .*$/m, `form: ${form}`);
const agencies = (yaml: string) => yaml.replace(/type: government/g, 'type: space-agency');

const STATION = example('deep-space-station.yaml');
/** The station as an intergovernmental agreement, an agency framework agreement, a protocol and a memorandum. */
const STATIONS: [string, string][] = [
  ['agreement', STATION],
  ['agency framework agreement', setForm(agencies(STATION), 'framework-agreement')],
  ['agency protocol', setForm(agencies(STATION), 'protocol')],
  ['memorandum', setForm(agencies(STATION), 'memorandum-of-understanding')],
];
const BINDING_STATIONS = STATIONS.filter(([n]) => n !== 'memorandum');

const NAVIGATION = example('navigation-monitoring.yaml');
/** The same cooperation with the roles reversed: ASAL operates a station on Chinese territory. */
const NAVIGATION_SWAPPED = NAVIGATION.replace('host: asal, operator: csno', 'host: csno, operator: asal');

describe('A-4: a tracking, telemetry and command station is not a cooperation with no space object', () => {
  it.each(STATIONS)('%s: the supported spacecraft stay under their States of registry; the host is not a launching State of them; commands are civil', (_n, yaml) => {
    const j = articleText(yaml, 'jurisdiction/')!.text;
    expect(j).not.toMatch(/No Space Object is launched or operated/);
    expect(j).toMatch(/ach spacecraft that the Southern Deep Space Antenna at Santa Cruz tracks, commands or receives data from remains under the jurisdiction and control of its State of Registry/);
    expect(j).toMatch(/Hosting the facility does not make the Argentine Republic a Launching State of any such spacecraft, and, as between the (Parties|Participants), the Argentine Party is not responsible for the operation/);
    expect(j).toMatch(/commands that the Chinese Party sends from the facility/);
    expect(j).toMatch(/shall serve only the civil and peaceful purposes to which Article \d+ limits the use of the facility|will serve only the civil and peaceful purposes/);
  });

  it.each(STATIONS)('%s: the drafting note no longer says that nothing is operated in space', (_n, yaml) => {
    const md = withNotes(yaml);
    expect(md).not.toMatch(/Nothing is launched or operated in space/);
    expect(md).toMatch(/`jurisdiction\/no-space-object`[^\n]*spacecraft the station supports/);
  });

  it('a cooperation with no station and nothing in orbit keeps the plain statement', () => {
    const yaml = `form: agreement
parties:
  - { id: a, name: Government of the Republic of Aldera, shortName: Aldera, state: Republic of Aldera, type: government }
  - { id: b, name: Government of the Kingdom of Borduria, shortName: Borduria, state: Kingdom of Borduria, type: government }
cooperation: { areas: [training-and-education, space-science] }
term: { years: 5 }
`;
    expect(articleText(yaml, 'jurisdiction/')!.text).toMatch(/No Space Object is launched or operated under this Agreement/);
    expect(withNotes(yaml)).toMatch(/Nothing is launched or operated in space/);
  });

});

describe('A-4: the station’s operator holds the host harmless against claims of any kind, with insurance, in the facilities article', () => {
  it.each(BINDING_STATIONS)('%s: the operator holds the host harmless against claims of any kind from the station and the missions it supports, with insurance behind it, once', (_n, yaml) => {
    const f = articleText(yaml, 'facilities/')!.text;
    expect(f).toMatch(/the Chinese Party shall indemnify and hold harmless the Argentine Party against claims of any kind[^.]*arising from the establishment, operation or decommissioning of the Southern Deep Space Antenna at Santa Cruz or from the missions it supports/i);
    expect(f).toMatch(/insurance/);
    // Stated once: the liability article no longer carries a narrower indemnity of its own.
    expect(draftOf(yaml).articles.flatMap((a) => a.blocks.map((b) => b.text)).join('\n').match(/hold harmless/g)).toHaveLength(1);
  });

  it('a monitoring station that supports no missions gets the same indemnity for its own operation, and the navigation disclaimer points to it', () => {
    for (const yaml of [NAVIGATION, NAVIGATION_SWAPPED]) {
      const f = articleText(yaml, 'facilities/')!;
      expect(f.text).toMatch(/shall indemnify and hold harmless (ASAL|CSNO) against claims of any kind[^.]*arising from the establishment, operation or decommissioning of the BeiDou monitoring station at Bouzareah/);
      expect(f.text).not.toMatch(/missions it supports/);
      expect(articleText(yaml, 'service-terms/')!.text).toMatch(new RegExp(`nor the indemnity that Article ${f.number} provides`));
      expect(articleText(yaml, 'liability/')!.text).not.toMatch(/hold harmless/);
    }
  });

  it('a memorandum gives no indemnity', () => {
    for (const yaml of [STATIONS[3]![1], setForm(NAVIGATION, 'memorandum-of-understanding')]) {
      expect(renderMarkdown(draftOf(yaml), { notes: false })).not.toMatch(/indemnif|hold harmless/);
    }
  });
});

describe('A-5: mission data belong to the mission, not to the antenna', () => {
  it.each(STATIONS)('%s: the station article gives mission data to each mission’s operator and the station operator only its own telemetry', (_n, yaml) => {
    const f = articleText(yaml, 'facilities/')!.text;
    expect(f).not.toMatch(/missions that the facility supports for the Chinese Party belong/);
    expect(f).toMatch(/The data of each mission that the facility supports belong to the operator of that mission, whichever station receives them/);
    expect(f).toMatch(/the Chinese Party acquires no right in them other than in the engineering and station telemetry of the facility itself/);
    expect(f).toMatch(/The data of those observations belong to the Argentine Party/);
  });

  it.each([...STATIONS, ['navigation', NAVIGATION], ['navigation, roles swapped', NAVIGATION_SWAPPED]] as [string, string][])(
    '%s: the release article defers to the facilities article instead of giving data to the facility’s owner',
    (_n, yaml) => {
      const facilities = articleText(yaml, 'facilities/')!;
      const release = articleText(yaml, 'release/')!.text;
      expect(release).not.toMatch(/owns or operates the Space Object, facility or instrument/);
      expect(release).toMatch(new RegExp(`[Ss]ubject to Article ${facilities.number}, which governs the data of each facility`));
      expect(release).toMatch(/whichever ground station receives them/);
    },
  );

  it('the Chinese texts say the same', () => {
    for (const yaml of [STATION, NAVIGATION]) {
      const release = articleText(yaml, 'release/', 'zh')!.text;
      expect(release).not.toMatch(/拥有或运营获取该数据的空间物体、设施或仪器/);
      expect(release).toMatch(/无论由哪一地面站接收/);
    }
    expect(articleText(STATION, 'facilities/', 'zh')!.text).toMatch(/该设施支持的每一任务的数据，无论由哪一地面站接收，均归该任务的运营者所有/);
  });
});

describe('A-7: reciprocal obligations only for the Party that has the system or the property', () => {
  it('the navigation disclaimer covers the signals of the Party that has a navigation system, named from the facts', () => {
    const cases: [string, string, string][] = [
      [NAVIGATION, 'CSNO', 'shall'],
      [NAVIGATION_SWAPPED, 'ASAL', 'shall'],
      [setForm(NAVIGATION, 'memorandum-of-understanding'), 'CSNO', 'will'],
    ];
    for (const [yaml, provider] of cases) {
      const s = articleText(yaml, 'service-terms/')!.text;
      expect(s).not.toMatch(/Each (Party|Participant) makes the signals of its navigation system/);
      expect(s).toMatch(new RegExp(`${provider} makes the signals of its navigation system, and the (Parties|Participants) make the monitoring data`));
    }
  });

  it('the winding-up plan disposes of jointly owned property only where something is jointly owned', () => {
    for (const name of ['deep-space-station.yaml', 'navigation-monitoring.yaml', 'crew-flight.yaml']) {
      const t = articleText(example(name), 'final/entry-into-force')!.text;
      expect(t, name).not.toMatch(/jointly owned/);
      expect(t, name).toMatch(/the disposition of equipment of one Party located in the territory of the other Party's State/);
    }
    expect(articleText(example('cbers.yaml'), 'final/entry-into-force')!.text).toMatch(/the disposition of the jointly owned CBERS-6 satellite and of any other jointly owned property/);
    expect(articleText(example('deep-space-station.yaml'), 'final/entry-into-force', 'zh')!.text).not.toMatch(/共同拥有/);
    expect(articleText(example('cbers.yaml'), 'final/entry-into-force', 'zh')!.text).toMatch(/共同拥有的CBERS/);
  });

  it('a crew flight whose only training is the crew member’s has no general training article; one whose terms offer courses keeps it', () => {
    const crew = example('crew-flight.yaml');
    for (const yaml of [crew, setForm(crew, 'agreement'), setForm(crew, 'memorandum-of-understanding')]) {
      expect(articleText(yaml, 'training/')).toBeUndefined();
      // Nor does the list of forms of cooperation promise courses and fellowships, in either text.
      expect(articleText(yaml, 'forms/')!.text).not.toMatch(/training courses, fellowships/);
      expect(articleText(yaml, 'forms/', 'zh')!.text).not.toMatch(/培训课程/);
    }
    const withSchool = crew.replace(
      '        - select and nominate the payload specialist\n',
      '        - select and nominate the payload specialist\n        - organise a summer school in microgravity science open to students of both States\n',
    );
    expect(articleText(withSchool, 'training/')).toBeDefined();
    expect(articleText(withSchool, 'forms/')!.text).toMatch(/training courses, fellowships/);
    expect(articleText(example('lunar-mou.yaml'), 'training/')).toBeDefined();
  });
});

describe('A-8: what the Parties leave to a later written agreement has a default that applies until they make it', () => {
  const CBERS = example('cbers.yaml');
  const binding: [string, string][] = [
    ['cbers', CBERS],
    ['cbers between Governments', setForm(CBERS.replace(/type: space-agency/g, 'type: government'), 'agreement')],
    ['station', STATION],
    ['navigation', NAVIGATION],
  ];

  it.each(binding)('%s: data flow under a default data policy until the Parties settle one', (_n, yaml) => {
    const release = articleText(yaml, 'release/')!.text;
    expect(release).not.toMatch(/Before any data are exchanged/);
    expect(release).toMatch(/Until that policy is settled, each Party may use the data it owns or receives under this Article for its own civil purposes and distribute them within the territory of its State/);
  });

  it('an Earth-observation satellite’s downlink time has a default allocation until the Parties settle it', () => {
    for (const yaml of binding.slice(0, 2).map(([, y]) => y)) {
      expect(articleText(yaml, 'release/')!.text).toMatch(/Until they settle it, the ground stations of each Party receive the data of the passes within their reception range over the territory of its State/);
    }
  });

  it.each(binding)('%s: a winding-up plan not settled in time gives way to default terms', (_n, yaml) => {
    const t = articleText(yaml, 'final/entry-into-force')!.text;
    expect(t).toMatch(/If the Parties have not settled that plan by the date on which termination or expiry takes effect, the following apply until they do/);
    expect(t).toMatch(/each Party bears the costs it has incurred and the commitments it has made to third parties/);
  });

  it('a jointly owned satellite keeps flying, and each owner keeps its share and its data, if no plan is agreed', () => {
    for (const yaml of binding.slice(0, 2).map(([, y]) => y)) {
      expect(articleText(yaml, 'final/entry-into-force')!.text).toMatch(/the jointly owned CBERS-6 satellite continues to be operated, until the end of its useful life, as it was before termination or expiry, and each Party keeps its share in it and its access to its data/);
    }
    expect(articleText(STATION, 'final/entry-into-force')!.text).not.toMatch(/useful life/);
  });
});
