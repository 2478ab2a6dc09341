import type { Beslisboom, Knoop } from '../generated/ast.js';

/** The name by which a node is known outside its tree: `Boom.Knoop`. */
export function qualifiedNodeName(boom: Beslisboom, knoop: Knoop): string {
    return `${boom.name}.${knoop.name}`;
}
