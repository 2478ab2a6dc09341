/**
 * A workspace whose texts (its provenance reasons too) try every way to run code, load something, restyle the page or change
 * Mermaid's configuration. Names are identifiers (the grammar allows nothing else); every text a
 * user can write is hostile.
 */
export const PWN = {
    script: '<script>window.__pwned=1</script>',
    img: '<img src=x onerror="window.__pwned=1">',
    breakout: '</script><script>window.__pwned=1</script>',
    javascriptUrl: 'javascript:window.__pwned=1',
    init: '%%{init: {"securityLevel":"loose"}}%%',
    attribute: '" onmouseover="window.__pwned=1',
    style: '<style>body{display:none}</style>',
    backticks: '`${window.__pwned=1}` ``**vet**``',
    bidi: 'tekst \u202Eomgekeerd\u202C verder',
    entities: '&lt;b&gt;vet&lt;/b&gt; &amp; &#60;i&#62; #quot; #lt;',
    mermaid: 'x"]; click n0 href "javascript:window.__pwned=1"; %% end',
    svg: '<svg onload="window.__pwned=1"></svg>'
} as const;

/** A `.hrk` STRING: `\` and `"` escaped with a backslash. */
export function hrk(text: string): string {
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export const hostileFiles: Record<string, string> = {
    'kwaad.hrk': `
kenmerk Schaal ${hrk(PWN.script)} { ${hrk('klein ' + PWN.img)}, "groot" }

typologie Kwaad ${hrk(PWN.img)} {
    Schaal = ${hrk('klein ' + PWN.img)} herkomst gereconstrueerd ${hrk(PWN.img)}
    activiteiten ${hrk(PWN.breakout)}, ${hrk(PWN.backticks)} herkomst illustratief ${hrk(PWN.script)}
    vergelijkbaar ${hrk(PWN.entities)}
    toelichting ${hrk(PWN.init)}
}

hoofdstuk Hoofd ${hrk(PWN.style)} {
    herkomst illustratief ${hrk(PWN.init)}
    werkgroep ${hrk(PWN.attribute)}
    toelichting ${hrk(PWN.bidi)}
}

financiering Geld ${hrk(PWN.javascriptUrl)} {
    termijn structureel
    voor alle typologieen herkomst gereconstrueerd ${hrk(PWN.svg)}
    via ${hrk(PWN.svg)}
    voorwaarde ${hrk(PWN.breakout)} herkomst bron ${hrk(PWN.javascriptUrl)}
    bron ${hrk(PWN.javascriptUrl)}
    toelichting ${hrk(PWN.mermaid)}
}

financiering Voorwaardelijk ${hrk(PWN.mermaid)} {
    termijn incidenteel
    voor typologie waar Schaal = ${hrk('klein ' + PWN.img)}
}

/** ${PWN.breakout} */
partij Boef ${hrk(PWN.script)} {
    herkomst gereconstrueerd ${hrk(PWN.style)}
    betrokken bij Kwaad
    rol ${hrk(PWN.attribute)}
    kracht ${hrk(PWN.backticks)}
    valkuil ${hrk(PWN.bidi)}
    toelichting ${hrk(PWN.entities)}
}

/** ${PWN.img} */
beslisboom Boom ${hrk(PWN.script)} {
    herkomst gereconstrueerd ${hrk(PWN.breakout)}
    start V1
    toelichting ${hrk(PWN.style)}

    vraag V1 ${hrk(PWN.img)} {
        antwoord ${hrk(PWN.breakout)} -> A1
        antwoord ${hrk(PWN.attribute)} -> V2
        antwoord ${hrk(PWN.init)} -> S1
        toelichting ${hrk(PWN.svg)}
    }
    vraag V2 ${hrk(PWN.javascriptUrl)} {
        herkomst illustratief ${hrk(PWN.attribute)}
        ja  -> A1
        nee -> S1
    }
    stap S1 ${hrk(PWN.backticks)} -> A2 {
        zie Hoofd
    }
    advies A1 ${hrk(PWN.style)} {
        herkomst bron ${hrk(PWN.javascriptUrl)}
        voorbeeld ${hrk(PWN.script)}
        voorbeeld ${hrk(PWN.entities)}
        zie Hoofd
        zie Kwaad
        zie Geld
        typologie Kwaad
    }
    advies A2 ${hrk(PWN.bidi)} {
        toelichting ${hrk(PWN.mermaid)}
        voorbeeld ${hrk(PWN.img)}
    }
}

scenario ${hrk('Kwaad: ' + PWN.script)} {
    beslisboom Boom
    V1: ${hrk(PWN.attribute)}
    V2: nee
    verwacht A2
}
`
};
