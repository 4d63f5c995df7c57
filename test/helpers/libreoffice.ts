import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

let found: string | null | undefined;

/**
 * The LibreOffice program (`soffice` or `libreoffice`), or undefined when it is not installed;
 * looked for once per worker, as the shell would: an executable file of that name in a PATH
 * folder (not by running `soffice --version`, a tenth of a second of CPU for every worker).
 */
export function soffice(): string | undefined {
  if (found === undefined) {
    const folders = (process.env.PATH ?? '').split(path.delimiter).filter((d) => d !== '');
    found = ['soffice', 'libreoffice'].flatMap((bin) => folders.map((d) => path.join(d, bin))).find(executable) ?? null;
  }
  return found ?? undefined;
}

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** LibreOffice's own export filters, as `--convert-to pdf` and `--convert-to html` choose them for a Word file. */
const FILTERS = { pdf: 'writer_pdf_Export', html: 'HTML (StarWriter)' } as const;
export type Format = keyof typeof FILTERS;

/**
 * A Basic macro of LibreOffice's own API, what `--convert-to` does for one format, for any number
 * of (file, output, filter) lines: opens each file hidden, stores it through the filter, closes
 * it; then ends LibreOffice. An error is written to the log file named beside the jobs.
 */
const MACRO = `Sub Convert
  Dim f As Integer, row As String, parts, doc
  Dim load(0) As New com.sun.star.beans.PropertyValue
  Dim store(0) As New com.sun.star.beans.PropertyValue
  On Error GoTo Failed
  load(0).Name = "Hidden"
  load(0).Value = True
  store(0).Name = "FilterName"
  f = FreeFile
  Open Environ("CLUB_SOFFICE_JOBS") For Input As #f
  Do While Not EOF(f)
    Line Input #f, row
    parts = Split(row, Chr(9))
    doc = StarDesktop.loadComponentFromURL(ConvertToURL(parts(0)), "_blank", 0, load())
    store(0).Value = parts(2)
    doc.storeToURL(ConvertToURL(parts(1)), store())
    doc.close(True)
  Loop
  Close #f
  StarDesktop.terminate()
  Exit Sub
Failed:
  Dim g As Integer
  g = FreeFile
  Open Environ("CLUB_SOFFICE_JOBS") & ".error" For Output As #g
  Print #g, "line " & Erl & ": " & Error$ & " (" & row & ")"
  Close #g
  StarDesktop.terminate()
End Sub`;

/**
 * The version LibreOffice last ran as, in the profile: one no release reaches. A start whose
 * version is newer than this runs VCL's graphics self-tests first (desktop/source/app/app.cxx
 * runGraphicsRenderTests, when utl::isProductVersionUpgraded), and a headless start never records
 * its version, so it ran them every time: a hundred bitmaps drawn and checked, ~0.8 s of a
 * conversion's ~1.6 s of CPU, for no file of ours (the files written are the same bytes but
 * for the PDF's creation date and id).
 */
const LAST_VERSION = '99.0';

let profile: string | undefined;

/**
 * A user profile of LibreOffice's, made once per worker in a temporary folder of its own (removed
 * when the worker exits), that holds MACRO in its Basic library `Standard` and says it is set up
 * (`ooSetupInstCompleted`: else the first start copies the presets over the library) and run
 * before (LAST_VERSION).
 */
function profileWithMacro(): string {
  if (profile === undefined) {
    const dir = mkdtempSync(path.join(tmpdir(), 'club-soffice-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const xml = '<?xml version="1.0" encoding="UTF-8"?>\n';
    const files: Record<string, string> = {
      'user/registrymodifications.xcu': `${xml}<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n<item oor:path="/org.openoffice.Setup/Office"><prop oor:name="ooSetupInstCompleted" oor:op="fuse"><value>true</value></prop></item>\n<item oor:path="/org.openoffice.Setup/Product"><prop oor:name="ooSetupLastVersion" oor:op="fuse"><value>${LAST_VERSION}</value></prop></item>\n</oor:items>\n`,
      'user/basic/script.xlc': `${xml}<!DOCTYPE library:libraries PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "libraries.dtd">\n<library:libraries xmlns:library="http://openoffice.org/2000/library" xmlns:xlink="http://www.w3.org/1999/xlink">\n <library:library library:name="Standard" library:link="false"/>\n</library:libraries>\n`,
      'user/basic/Standard/script.xlb': `${xml}<!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "library.dtd">\n<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard" library:readonly="false" library:passwordprotected="false">\n <library:element library:name="Convert"/>\n</library:library>\n`,
      'user/basic/Standard/Convert.xba': `${xml}<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">\n<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Convert" script:language="StarBasic">${MACRO.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')}\n</script:module>\n`,
    };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
    profile = dir;
  }
  return profile;
}

/**
 * Converts Word files with LibreOffice, headless, in ONE run whatever the formats (its start-up is
 * most of a conversion's cost, ~1.5 s of CPU): each job writes `<name>.<format>` of its file into
 * its folder, through the export filter `--convert-to <format>` uses (a run of `--convert-to` takes
 * one format only). Throws when LibreOffice reports an error or a file was not written.
 */
export function convertWithLibreOffice(jobs: { file: string; format: Format; outdir: string }[]): string[] {
  const bin = soffice();
  if (bin === undefined) throw new Error('LibreOffice is not installed');
  const dir = profileWithMacro();
  const outputs = jobs.map((j) => path.join(j.outdir, `${path.basename(j.file, path.extname(j.file))}.${j.format}`));
  const list = path.join(mkdtempSync(path.join(tmpdir(), 'club-soffice-jobs-')), 'jobs.tsv');
  try {
    for (const j of jobs) mkdirSync(j.outdir, { recursive: true });
    writeFileSync(list, jobs.map((j, n) => [path.resolve(j.file), path.resolve(outputs[n]!), FILTERS[j.format]].join('\t')).join('\n') + '\n');
    execFileSync(bin, ['--headless', `-env:UserInstallation=file://${dir}`, 'macro:///Standard.Convert.Convert'], {
      stdio: 'pipe', timeout: 120_000, env: { ...process.env, CLUB_SOFFICE_JOBS: list },
    });
    if (existsSync(`${list}.error`)) throw new Error(`LibreOffice: ${readFileSync(`${list}.error`, 'utf8').trim()}`);
    const missing = outputs.filter((f) => !existsSync(f));
    if (missing.length > 0) throw new Error(`LibreOffice wrote no ${missing.join(', ')}`);
    return outputs;
  } finally {
    rmSync(path.dirname(list), { recursive: true, force: true });
  }
}

/** The rich fixture's Word files LibreOffice reads in the tests: the 2019 report and 14 March 2019's attendance sheet. */
export interface RichWordFiles { report: Uint8Array; sheet: Uint8Array }

let rich: Promise<RichWordFiles & { dir: string }> | undefined;

/**
 * The rich fixture's 2019 report and 14 March 2019 attendance sheet as LibreOffice reads them, for
 * docx.test (both to PDF) and docx-charts.test (the report to HTML, its charts as pictures): ONE
 * LibreOffice run per worker for the three conversions. The Word files converted are those the
 * first caller renders (`render`); each caller compares its own with the ones returned (the same
 * bytes). In the folder returned: report.pdf, sheet.pdf, and html/report.html with its pictures.
 */
export function richFilesInLibreOffice(render: () => Promise<RichWordFiles>): Promise<RichWordFiles & { dir: string }> {
  return (rich ??= (async () => {
    const files = await render();
    const dir = mkdtempSync(path.join(tmpdir(), 'club-libreoffice-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const report = path.join(dir, 'report.docx');
    const sheet = path.join(dir, 'sheet.docx');
    writeFileSync(report, files.report);
    writeFileSync(sheet, files.sheet);
    convertWithLibreOffice([
      { file: report, format: 'pdf', outdir: dir },
      { file: sheet, format: 'pdf', outdir: dir },
      { file: report, format: 'html', outdir: path.join(dir, 'html') },
    ]);
    return { ...files, dir };
  })());
}
