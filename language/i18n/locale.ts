/**
 * The language in which diagnostics and command-line output are written. Dutch is the default
 * because the guide's editors are Dutch; English is chosen by the editor's display language
 * (the server's initialize `locale`) or the CLI's `--lang en`.
 */
export type Lang = 'nl' | 'en';

export class LocaleSetting {
    private current: Lang = 'nl';

    get lang(): Lang {
        return this.current;
    }

    set lang(value: Lang) {
        this.current = value;
    }

    /** Accepts a BCP 47 tag such as `en-US` or `nl`; anything not English stays Dutch. */
    setFromTag(tag: string | undefined): void {
        this.current = tag?.toLowerCase().startsWith('en') ? 'en' : 'nl';
    }
}

/** `Today` is a service so that tests and the CLI's `--peildatum` can fix the date for HRK050. */
export class Clock {
    private fixed: string | undefined;

    /** Today's date as `YYYY-MM-DD` in local time. */
    today(): string {
        if (this.fixed) return this.fixed;
        const d = new Date();
        const pad = (n: number) => String(n).padStart(2, '0');
        return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    }

    fix(date: string | undefined): void {
        this.fixed = date;
    }
}
