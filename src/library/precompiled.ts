import Runtime from 'handlebars/runtime.js';
import { join } from 'node:path';
import type { ClauseMeta, DefinitionMeta } from './clause-file.js';
import { assembleLibrary, createEnvironment, type Library, type Template } from './assemble.js';

export interface PrecompiledLibrary {
  partials: Record<string, object>;
  entries: {
    kind: 'clause' | 'definition';
    id: string;
    file: string;
    meta: ClauseMeta | DefinitionMeta;
    body: string;
    spec: object;
    titleSpec: object | null;
  }[];
}

/** The built-in library from build-time precompiled templates: no template compiled at start-up. */
export function libraryFromPrecompiled(data: PrecompiledLibrary, root: string): Library {
  const hb = createEnvironment(Runtime);
  for (const [name, spec] of Object.entries(data.partials)) hb.registerPartial(name, hb.template(spec as never));
  return assembleLibrary(
    data.entries.map((e) => ({
      kind: e.kind,
      id: e.id,
      file: join(root, e.file),
      meta: e.meta,
      body: e.body,
      template: hb.template(e.spec as never) as Template,
      ...(e.titleSpec ? { titleTemplate: hb.template(e.titleSpec as never) as Template } : {}),
    })),
  );
}
