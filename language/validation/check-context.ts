import type { HandreikingCoreServices } from '../handreiking-core-module.js';
import { message, type Catalogue, type MessageKey } from '../i18n/messages.js';
import type { Lang } from '../i18n/locale.js';

/** What every check needs besides its node: the message language and the workspace. */
export class CheckContext {
    constructor(readonly services: HandreikingCoreServices) {}

    get lang(): Lang {
        return this.services.i18n.Locale.lang;
    }

    /** A message in the current language. */
    t<K extends MessageKey>(key: K, ...params: Parameters<Catalogue[K]>): string {
        return message(this.lang, key, ...params);
    }
}
