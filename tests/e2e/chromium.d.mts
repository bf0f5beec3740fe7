export declare const CHROMIUM: string;
export declare function chromiumArgs(extensionDir: string): string[];
