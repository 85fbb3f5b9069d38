/**
 * A ServiceModel full of text that tries to break generated files: comment
 * terminators, template and quote characters, `</script>`, line and paragraph
 * separators, NUL and other controls, bidi overrides, lone surrogates, emoji,
 * non-Latin scripts, a 10,000-character description, reserved words,
 * leading digits, `__proto__`, and names that collide after normalisation.
 */
import type { ServiceModel, SourceRef } from '../../src/model/types.js';

const FILE = 'docs/evil */ name\u2028.rst';
const at = (line: number): SourceRef[] => [{ file: FILE, line, column: 3 }];

/** Injection payload used in many fields. */
export const PAYLOAD =
  '*/ export const pwned = 1; /* `${process.exit(1)}` \'single\' "double" back\\slash \\u0041 </script><script>alert(1)</script> @deprecated {@link x}';

/** 10,000 characters ending in a comment terminator. */
export const LONG_TEXT = `${'Lorem ipsum dolor sit amet. '.repeat(400)}`.slice(0, 9_998) + '*/';

/** A documented message, with the statuses of the rows giving it. */
const message = (text: string, statuses: number[] = []) => ({ text, statuses });

export const hostileModel: ServiceModel = {
  service: 'hostile-service',
  title: 'Hostile */ Service `${x}` \u2028 \u202Eevil',
  statusCodes: [
    { code: 200, phrase: `OK ${PAYLOAD}`, standardPhrase: 'OK', description: PAYLOAD, group: 'Normal', sources: at(1) },
    {
      code: 201,
      phrase: 'Created',
      standardPhrase: 'Created',
      description: 'line\u2028separator\u2029paragraph\u0000nul\u0007bell\u001b[31mansi\u007fdel\u0085nel\r\ncrlf\rcr\ttab\uFEFFbom',
      group: 'Normal',
      sources: at(2),
    },
    {
      code: 202,
      phrase: 'delete',
      standardPhrase: 'Accepted',
      description: 'bidi \u202Edesrever\u202C and \u2066isolate\u2069 \u200Fmark',
      group: 'class',
      sources: at(3),
    },
    { code: 203, phrase: 'class', standardPhrase: null, description: 'emoji 🙂 👨‍👩‍👧 ✅', group: 'class', sources: at(4) },
    { code: 204, phrase: '3xx Redirect', standardPhrase: 'No Content', description: '', group: null, sources: at(5) },
    { code: 205, phrase: 'Bad Request', standardPhrase: 'Reset Content', description: 'first holder', group: null, sources: at(6) },
    { code: 206, phrase: 'bad-request', standardPhrase: 'Partial Content', description: 'collides', group: null, sources: at(7) },
    { code: 207, phrase: '错误请求', standardPhrase: 'Multi-Status', description: '中文描述 العربية русский', group: '错误', sources: at(8) },
    { code: 208, phrase: 'エラー', standardPhrase: null, description: '日本語', group: null, sources: at(9) },
    { code: 209, phrase: '__proto__', standardPhrase: null, description: 'proto', group: null, sources: at(10) },
    { code: 210, phrase: 'constructor', standardPhrase: null, description: 'ctor', group: null, sources: at(11) },
    { code: 211, phrase: '@deprecated', standardPhrase: null, description: '@deprecated do not use\n  @internal\n{@link evil}', group: null, sources: at(12) },
    { code: 226, phrase: 'IM Used', standardPhrase: 'IM Used', description: LONG_TEXT, group: null, sources: at(13) },
    { code: 299, phrase: 'lone \uD800 high \uDFFF low', standardPhrase: null, description: 'lone \uD800 surrogate', group: null, sources: at(14) },
    { code: 400, phrase: 'Bad Request', standardPhrase: 'Bad Request', description: 'real 400', group: `Abnormal ${PAYLOAD}`, sources: at(15) },
    { code: 401, phrase: 'Unauthorized', standardPhrase: 'Unauthorized', description: '', group: 'Normal!', sources: at(16) },
    { code: 418, phrase: "I'm a teapot", standardPhrase: "I'm a teapot", description: 'short and stout', group: 'normal', sources: at(17) },
    { code: 441, phrase: null, standardPhrase: null, description: 'no phrase at all', group: null, sources: at(18) },
    { code: 499, phrase: "'", standardPhrase: null, description: 'only an apostrophe', group: null, sources: at(19) },
  ],
  statusClasses: [{ class: '4xx', description: `class ${PAYLOAD}`, group: null, sources: at(20) }],
  errorCodes: [
    { code: '1100', statuses: [400], messages: [message('leading digit')], description: '', solution: '', sources: at(30) },
    { code: "*/ ${x} `y` 'z' \\", statuses: [400, 500], messages: [message(PAYLOAD)], description: PAYLOAD, solution: PAYLOAD, sources: at(31) },
    {
      code: 'BackupService.0001',
      statuses: [400, 401],
      messages: [message('first', [400]), message('second'), message(`third ${PAYLOAD}`, [400]), message('only with 401', [401])],
      description: '',
      solution: '',
      sources: at(32),
    },
    // The key the second message of `BackupService.0001` would take in OpenAPI `examples`.
    { code: 'BackupService.0001 (message 2)', statuses: [400], messages: [], description: '', solution: '', sources: at(39) },
    { code: 'Backup_Service.0001', statuses: [400], messages: [message('collides')], description: '', solution: '', sources: at(33) },
    { code: 'KMS.DisabledException', statuses: [], messages: [message('no status')], description: '', solution: '', sources: at(34) },
    { code: '__proto__', statuses: [401], messages: [message('proto')], description: '', solution: '', sources: at(35) },
    { code: 'constructor', statuses: [418], messages: [message('ctor')], description: '', solution: '', sources: at(36) },
    { code: '\u202Eevil\u0000', statuses: [400], messages: [message('line\u2028sep')], description: LONG_TEXT, solution: '🙂', sources: at(37) },
    { code: '错误', statuses: [499], messages: [message('中文')], description: '', solution: '', sources: at(38) },
  ],
  sources: [FILE, 'docs/other\nfile.rst'],
};

/** Enum member names the naming rule must give `hostileModel`'s status codes, in code order (registered codes by their http-status-codes name, whatever the phrase). */
export const hostileStatusMembers = [
  'OK',
  'CREATED',
  'ACCEPTED',
  'NON_AUTHORITATIVE_INFORMATION',
  'NO_CONTENT',
  'RESET_CONTENT',
  'PARTIAL_CONTENT',
  'MULTI_STATUS',
  'ALREADY_REPORTED',
  'PROTO_209',
  'CONSTRUCTOR_210',
  'DEPRECATED_211',
  'IM_USED',
  'LONE_HIGH_LOW_299',
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'IM_A_TEAPOT_418',
  'STATUS_441',
  'STATUS_499',
];

/** Group guards, in order of first use ("Normal", "normal" and "Normal!" share one). */
export const hostileGuards = [
  'isNormalStatus',
  'isClassStatus',
  'isGroup_9519x8bef_Status',
  'isAbnormalExportConstPwned1ProcessExit1SingleDoubleBackSlashU0041Status',
];

/** Error enum member names, in code-point order of the codes. */
export const hostileErrorMembers = [
  'x_y_z$2ax2fx20x24x7b_7dx20x60_60x20x27_27x20x5c',
  '_1100',
  'BackupService_0001',
  'BackupService_0001_message_2$_2e_20x28_20_29',
  'Backup_Service_0001$_5f_2e_',
  'KMS_DisabledException',
  'proto$5fx5f_5fx5f',
  'constructor',
  'evil$202e_0',
  '_$9519x8bef',
];
