declare const __OMNICAST_VERSION__: string | undefined;

/** Set at build time from package.json; "dev" when running from sources (tests). */
export const VERSION: string = typeof __OMNICAST_VERSION__ === 'string' ? __OMNICAST_VERSION__ : 'dev';
