/** The course's notation, defined once so every page (and every language) writes it the same way. */
export const katexMacros: Record<string, string> = {
  '\\vx': '\\boldsymbol{x}',
  '\\vy': '\\boldsymbol{y}',
  '\\vz': '\\boldsymbol{z}',
  '\\vh': '\\boldsymbol{h}',
  '\\vytilde': '\\tilde{\\boldsymbol{y}}',
  '\\vyhat': '\\hat{\\boldsymbol{y}}',
  '\\vycheck': '\\check{\\boldsymbol{y}}',
  '\\vzcheck': '\\check{\\boldsymbol{z}}',
  '\\vxtilde': '\\tilde{\\boldsymbol{x}}',
  '\\vxbar': '\\bar{\\boldsymbol{x}}',
  '\\vybar': '\\bar{\\boldsymbol{y}}',
  '\\mW': '\\boldsymbol{W}',
  '\\Enc': '\\operatorname{Enc}',
  '\\Dec': '\\operatorname{Dec}',
  '\\E': '\\mathbb{E}',
  '\\R': '\\mathbb{R}',
};
