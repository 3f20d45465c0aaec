// The SMS engine: encoding, segments, autoconvert, templates, prices and totals. Pure: no I/O.
export * from './gsm-tables';
export * from './segments';
export * from './analyze';
export * from './replacements';
export * from './autoconvert';
export * from './template';
export * from './countries';
export * from './prices';
export * from './preview';
export * from './totals';
export * from './split';
