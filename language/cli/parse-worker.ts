import { parentPort, workerData } from 'node:worker_threads';
import { EmptyFileSystem } from 'langium';
import { createHandreikingCoreServices } from '../handreiking-core-module.js';
import type { Lang } from '../i18n/locale.js';
import { TransferHydrator } from './parallel-parser.js';

/**
 * A thread that parses `.hrk` texts for the command line (parallel-parser.ts): each message is a
 * text with a number, each answer the parse result in Langium's transferable form (its Hydrator),
 * which the main thread turns back into a document. Messages of syntax errors are in the language
 * the main thread gives.
 */

const { Handreiking } = createHandreikingCoreServices(EmptyFileSystem, { language: { serializer: { Hydrator: services => new TransferHydrator(services) } } });
Handreiking.i18n.Locale.lang = (workerData as { lang: Lang }).lang;
const parser = Handreiking.parser.LangiumParser;
const hydrator = Handreiking.serializer.Hydrator;

parentPort!.on('message', ({ id, text }: { id: number; text: string }) => {
    try {
        parentPort!.postMessage({ id, result: hydrator.dehydrate(parser.parse(text)) });
    } catch (err) {
        parentPort!.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
    }
});
parentPort!.postMessage({ ready: true });
