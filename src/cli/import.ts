export async function runImport(_docx: string, _opts: { into?: string; dryRun?: boolean }): Promise<number> {
  return 0;
}
