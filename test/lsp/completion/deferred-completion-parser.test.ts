import { describe, expect, test } from 'vitest';
import { eagerLoad } from 'langium';
import { expectCompletion } from 'langium/test';
import { DeferredCompletionParser } from '../../../language/parser/deferred-completion-parser.js';
import { createTestServices } from '../../helpers.js';

/**
 * The completion parser is built at the first completion, not when the server builds its services
 * (Langium's language server loads every service at start: eagerLoad).
 */
describe('the completion parser is built when first needed', () => {
    test('not by loading every service; at the first completion, which then completes as before', async () => {
        const services = createTestServices();
        eagerLoad(services);
        const parser = services.parser.CompletionParser;
        expect(parser).toBeInstanceOf(DeferredCompletionParser);
        // Its rules exist once built (Langium's getRule; the grammar's entry rule is Gids).
        expect(parser.getRule('Gids')).toBeUndefined();
        await expectCompletion(services)({
            text: 'beslisboom B "B" {\n    vraag V "v?" { ja -> <|> }\n    advies Klaar "Klaar"\n}',
            index: 0,
            expectedItems: ['Klaar']
        });
        expect(parser.getRule('Gids')).toBeDefined();
    });
});
