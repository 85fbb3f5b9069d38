import { describe, expect, it } from 'vitest';
import { classifyTable } from '../../src/model/classify.js';
import { table } from './tree.js';

const cols = (rows: string[][], headerRows = 1) => {
  const r = classifyTable(table(rows, { headerRows }));
  return { kind: r.kind, ...r.columns, ignored: r.ignored, promoted: r.promotedHeader };
};
const none = { status: null, phrase: null, description: null, errorCode: null, message: null, solution: null, ignored: [], promoted: false };

describe('classifyTable: status tables', () => {
  it('Status Code | Description with `200 OK`', () => {
    expect(
      cols([
        ['Status Code', 'Description'],
        ['200 OK', 'Fine.'],
        ['404 Not Found', 'Missing.'],
      ]),
    ).toEqual({
      ...none,
      kind: 'status',
      status: 0,
      description: 1,
    });
  });
  it('Returned Value | Description', () => {
    expect(
      cols([
        ['Returned Value', 'Description'],
        ['400 Bad Request', 'Bad.'],
      ]),
    ).toMatchObject({ kind: 'status', status: 0, description: 1 });
  });
  it('Status Code | Message | Description (phrase in its own column)', () => {
    expect(
      cols([
        ['Status Code', 'Message', 'Description'],
        ['100', 'Continue', 'Go on.'],
        ['101', 'Switching Protocols', 'Switch.'],
      ]),
    ).toMatchObject({
      kind: 'status',
      status: 0,
      phrase: 1,
      description: 2,
    });
  });
  it('Status Code | Description holding phrases (`200 | OK`)', () => {
    expect(
      cols([
        ['Status Code', 'Description'],
        ['200', 'OK'],
        ['201', 'Created'],
      ]),
    ).toMatchObject({ kind: 'status', status: 0, phrase: 1, description: null });
  });
  it('Status Code | Description | Meaning and Status Code | Description | Description', () => {
    expect(
      cols([
        ['Status Code', 'Description', 'Meaning'],
        ['200', 'OK', 'Done.'],
      ]),
    ).toMatchObject({ phrase: 1, description: 2 });
    expect(
      cols([
        ['Status Code', 'Description', 'Description'],
        ['400', 'Bad Request', 'It is bad.'],
      ]),
    ).toMatchObject({ phrase: 1, description: 2 });
  });
  it('Status Code | Code | Description, Encoding, Type, Name', () => {
    for (const name of ['Code', 'Encoding', 'Type', 'Name', 'Status']) {
      expect(
        cols([
          ['Status Code', name, 'Description'],
          ['202', 'Accepted', 'Queued.'],
        ]),
      ).toMatchObject({ kind: 'status', phrase: 1, description: 2 });
    }
  });
  it('a Message column of `-` is the (empty) phrase column', () => {
    expect(
      cols([
        ['Status Code', 'Message', 'Description'],
        ['200', '-', 'Fine.'],
      ]),
    ).toMatchObject({ phrase: 1, description: 2, ignored: [] });
  });
  it('a table without header read by its values', () => {
    expect(
      cols(
        [
          ['200', 'OK', 'Fine.'],
          ['404', 'Not Found', 'Missing.'],
        ],
        0,
      ),
    ).toMatchObject({ kind: 'status', status: 0, phrase: 1, description: 2 });
  });
  it('a status header over unreadable values is unreadable, a parameter table is other', () => {
    expect(
      cols([
        ['Status Code', 'Description'],
        ['See below', 'Varies.'],
      ]).kind,
    ).toBe('unreadable');
    expect(
      cols([
        ['Parameter', 'Type', 'Description'],
        ['error_code', 'String', 'Code.'],
      ]).kind,
    ).toBe('other');
    expect(
      cols([
        ['Glossary', 'Description'],
        ['Cloud Eye', 'A service.'],
      ]).kind,
    ).toBe('other');
  });
});

describe('classifyTable: error tables', () => {
  it('Status Code | Error Code | Error Message | Description | Solution', () => {
    expect(
      cols([
        ['Status Code', 'Error Code', 'Error Message', 'Description', 'Solution'],
        ['400', 'BMS.0001', 'Bad.', 'Bad request.', 'Fix it.'],
      ]),
    ).toEqual({
      ...none,
      kind: 'error',
      status: 0,
      errorCode: 1,
      message: 2,
      description: 3,
      solution: 4,
    });
  });
  it('Error Code first, Response Code, Error, Handling Measure, Troubleshooting', () => {
    expect(
      cols([
        ['Error Code', 'Status Code', 'Error', 'Description', 'Solution'],
        ['Cdm.0000', '400', 'E.', 'D.', 'S.'],
      ]),
    ).toMatchObject({
      kind: 'error',
      errorCode: 0,
      status: 1,
      message: 2,
      description: 3,
      solution: 4,
    });
    expect(
      cols([
        ['Error Code', 'Response Code', 'Description'],
        ['DBS.108000', '500', 'Failure.'],
      ]),
    ).toMatchObject({ errorCode: 0, status: 1, description: 2 });
    expect(
      cols([
        ['Status Code', 'Error Code', 'Error Information', 'Handling Measure'],
        ['400', 'VPN.0001', 'Bad.', 'Retry.'],
      ]),
    ).toMatchObject({
      message: 2,
      solution: 3,
    });
  });
  it('does not take `Error Code Description` for the error code', () => {
    expect(
      cols([
        ['Module', 'HTTP Status Code', 'Error Code', 'Error Code Description', 'Error Message', 'Measure'],
        ['API', '400', 'ces.0001', 'Empty.', 'Empty!', 'Fill.'],
      ]),
    ).toMatchObject({ kind: 'error', status: 1, errorCode: 2, description: 3, message: 4, solution: 5, ignored: [0] });
  });
  it('error codes without a status column, and error-code-shaped values under a bare `Code` header', () => {
    expect(
      cols([
        ['Error Code', 'Description'],
        ['Obs.0000', 'Invalid.'],
      ]),
    ).toMatchObject({ kind: 'error', errorCode: 0, status: null, description: 1 });
    expect(
      cols([
        ['Status Code', 'Code', 'Description'],
        ['400', 'SVC.0001', 'Bad.'],
        ['404', 'SVC.0002', 'Gone.'],
      ]),
    ).toMatchObject({ kind: 'error', errorCode: 1 });
  });
  it('a status column of `N/A` only is still the status column', () => {
    expect(
      cols([
        ['Status Code', 'Error Code', 'Error Message'],
        ['N/A', 'SVC.0001', 'Bad.'],
      ]),
    ).toMatchObject({ kind: 'error', status: 0, errorCode: 1 });
  });
  it('promotes a header row left in the body', () => {
    expect(
      cols(
        [
          ['Module', 'HTTP Status Code', 'Error Code', 'Error Message'],
          ['LB', '400', 'ELB.0002', 'Empty.'],
        ],
        0,
      ),
    ).toMatchObject({
      kind: 'error',
      promoted: true,
      status: 1,
      errorCode: 2,
      message: 3,
      ignored: [0],
    });
  });
});
