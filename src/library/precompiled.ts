import Runtime from 'handlebars/runtime.js';
import { join } from 'node:path';
import type { ClauseMeta, DefinitionMeta, Lang } from './clause-file.js';
import { assembleLibrary, createEnvironment, preparedCall, twinMeta, type Library, type Template } from './assemble.js';

export interface PrecompiledLibrary {
  partials: Record<string, object>;
  /** In a twin library: the ids with no twin. */
  missing?: string[];
  entries: {
    kind: 'clause' | 'definition';
    id: string;
    lang?: Lang;
    file: string;
    meta: ClauseMeta | DefinitionMeta;
    body: string;
    spec: object;
    titleSpec: object | null;
    reviewSpec?: object | null;
  }[];
}

/** The built-in library from build-time precompiled templates: no template compiled at start-up. */
export function libraryFromPrecompiled(data: PrecompiledLibrary, root: string, english?: Library): Library {
  const hb = createEnvironment(Runtime);
  for (const [name, spec] of Object.entries(data.partials)) hb.registerPartial(name, hb.template(spec as never));
  return assembleLibrary(
    data.entries.map((e) => ({
      kind: e.kind,
      id: e.id,
      file: join(root, e.file),
      meta: english ? twinMeta({ kind: e.kind, id: e.id, meta: e.meta, lang: 'zh' }, english) : e.meta,
      body: e.body,
      template: hb.template(e.spec as never) as Template,
      ...(e.titleSpec ? { titleTemplate: hb.template(e.titleSpec as never) as Template } : {}),
      ...(e.reviewSpec ? { reviewTemplate: hb.template(e.reviewSpec as never) as Template } : {}),
    })),
    english ? 'zh' : 'en',
    data.missing ?? [],
    preparedCall(hb as never),
  );
}
