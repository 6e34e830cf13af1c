/**
 * The two names of the annual-report model that requests and reports both count by: which national template
 * a report follows and a row's stable id. The model itself (labels, layouts, cells) is src/reports/model/.
 */

/** Which national template a report follows: '2019' = 格式（试行）(60号), '2021' = 30号. */
export type FormatVersion = '2019' | '2021';

/** A row's stable ASCII id, naming its table and position in the form (`t3.r3.3.1`). */
export type RowId = string;
