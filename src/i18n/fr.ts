import { type ArgContext, formatNumber, type Locale, moneyWith, shellWord } from "./Locale.js"

/*
 * French typography: U+00A0 (no-break space) before ":" and between a number and its unit ("2 h", "5 heures");
 * U+202F (narrow no-break space) as the thousands separator, and before "%", ";", "!" and "?". Terms follow the
 * user-facing FAQ (fichier d'authentification, jeton, quota, échec de la demande API, fine-grained PAT, project_id).
 */

const sentence = (text: string) => `${text[0]!.toUpperCase()}${text.slice(1)}`

/** "1 heure", "5 heures": French counts agree, even in a column label. */
const plural = (count: number, word: string) => `${count}\u00a0${word}${count > 1 ? "s" : ""}`

/** The past participle agrees with the unit: "requêtes utilisées", "tokens utilisés". */
const used = (unit: string | null) => (unit === "requêtes" ? "utilisées" : "utilisés")

const number = (value: number, fractionDigits?: number) => formatNumber(value, "\u202f", ",", fractionDigits)

const range = (context: ArgContext, flag: string) => {
  const r = context.ranges[flag]!
  return r.unit === "seconds"
    ? `un nombre entier de secondes compris entre ${number(r.min)} et ${number(r.max)}`
    : `un pourcentage entier compris entre ${number(r.min)} et ${number(r.max)}`
}

export const fr: Locale = {
  number,
  money: moneyWith(number, (digits, code) =>
    `${digits}\u00a0${code === "USD" ? "$US" : code === "EUR" ? "€" : code === "GBP" ? "£GB" : code}`),
  percent: (value) => `${Math.round(value)}\u202f%`,
  duration: ({ days, hours, minutes }) =>
    days > 0
      ? `${days}\u00a0j ${hours}\u00a0h`
      : hours > 0
      ? `${hours}\u00a0h ${minutes}\u00a0min`
      : `${minutes}\u00a0min`,
  lessThanAMinute: "<\u00a01\u00a0min",
  windowLength: (length) => {
    switch (length._tag) {
      case "Daily":
        return "Quotidien"
      case "Weekly":
        return "Hebdomadaire"
      case "Monthly":
        return "Mensuel"
      case "Days":
        return plural(length.count, "jour")
      case "Hours":
        return plural(length.count, "heure")
      case "Minutes":
        return plural(length.count, "minute")
    }
  },
  unit: { tokens: "tokens", requests: "requêtes", calls: "appels", credits: "crédits" },
  listSeparator: ", ",
  report: {
    usage: "Utilisation",
    left: (percent) => `${percent} restant`,
    resetsIn: (span) => `Réinitialisation dans ${span}`,
    resetDue: "Réinitialisation imminente",
    usedOf: (usedCount, limit, unit) =>
      unit === null ? `${usedCount} / ${limit} ${used(unit)}` : `${usedCount} / ${limit} ${unit} ${used(unit)}`,
    highUsage: (label, percent) => `${label}\u00a0: ${percent} utilisé`,
    limitReached: "Limite atteinte\u00a0: les requêtes sont refusées jusqu'à la prochaine réinitialisation",
    credits: (balance, unlimited) => (unlimited ? "Crédits\u00a0: illimités" : `Solde de crédits\u00a0: ${balance}`),
    unlimited: "Illimité",
    overQuota: "Quota dépassé",
    overage: (count, unit) => `Quota dépassé\u00a0: ${count} ${unit} supplémentaires sur cette période`,
    topModels: (list) => `Modèles les plus utilisés\u00a0: ${list}`,
    billingPeriod: (year, month) => `Période de facturation\u00a0: ${String(month).padStart(2, "0")}/${year}`,
    usageBasedBilling: (name) =>
      `Facturation à l'usage (AI credits)\u00a0: ${name} n'indique aucun quota pour ce compte`,
    extraUsage: (spent, limit) =>
      limit === null
        ? `Utilisation supplémentaire\u00a0: ${spent} dépensés ce mois-ci (sans plafond mensuel)`
        : `Utilisation supplémentaire\u00a0: ${spent} dépensés sur ${limit} ce mois-ci`,
    moneyLeft: (left, limit) => `${left} restants sur ${limit}`,
    moneyBalance: (amount) => `Crédits restants\u00a0: ${amount}`,
    spentIn: {
      today: (amount) => `${amount} aujourd'hui`,
      week: (amount) => `${amount} cette semaine`,
      month: (amount) => `${amount} ce mois-ci`
    },
    moneySpent: (list) => `Dépensé\u00a0: ${list}`,
    balanceHidden: (name) => `Crédits restants\u00a0: non affichés (${name} ne permet pas à cette clé API de lire le solde du compte)`,
    noWindows: "Aucune limite indiquée pour ce compte",
    failedHeader: "Échec de l'interrogation",
    failure: (who, message) => `${who}\u00a0: ${message}`,
    paceRunsOut: (span, reset) => `à ce rythme, épuisé dans ~${span}, avant la réinitialisation prévue dans ${reset}`,
    onPace: (percent) => `rythme tenable, environ ${percent} du quota utilisé d'ici la réinitialisation`,
    stale: (span) => `Pas encore réinterrogée (la plateforme a demandé d'attendre)\u00a0: réponse obtenue il y a ${span}`,
    watchFooter: (next, last) => `Prochaine actualisation à ${next} · dernière réponse à ${last} · Ctrl-C pour arrêter`,
    sidebarFailed: "échec\u00a0: voir /mystatus",
    toastLow: (name, window, left) => `${name} · ${window}\u00a0: il ne reste que ${left}`,
    toastOut: (name, window, reset) =>
      `${name} · ${window}\u00a0: quota épuisé${reset === null ? "" : `\u202f; réinitialisation dans ${reset}`}`,
    fixPrefix: "Solution\u00a0: ",
    nothingConfigured: "Aucun compte configuré n'a été trouvé.",
    supportedAccounts:
      "mystatus lit les identifiants que vos outils enregistrent déjà. Types de comptes pris en charge\u00a0:",
    setup: (name, ways) => `${name}\u00a0: ${ways.join(", ou ")}`,
    entryIn: (entry, path) => `l'entrée "${entry}" de ${path} (connectez-vous avec \`opencode auth login\`)`,
    lookedAt: "Emplacements consultés\u00a0:",
    pathState: (path, exists) => `${path} (${exists ? "trouvé" : "introuvable"})`,
    modelUse: (model, used) => `${model} (${used})`,
    authFileName: "Identifiants OpenCode",
    notConfigured: (name, places) => `${name}\u00a0: non configuré (recherché dans ${places.join(", ")})`,
    lookedFor: ({ entry, exists, path }) =>
      `${entry === null ? path : `l'entrée "${entry}" de ${path}`}${exists ? "" : " (fichier absent)"}`
  },
  issue: {
    at: (path, what) => (path === "" ? `le contenu ${what}` : `${path}\u00a0: ${what}`),
    missing: "est absent",
    unexpected: "n'est pas prévu ici",
    invalid: "n'est pas valide",
    expected: (what) => `doit être ${what}`,
    types: { string: "une chaîne", number: "un nombre", boolean: "true ou false", object: "un objet", list: "un tableau", null: "null" },
    or: " ou ",
    oneOf: (values) => `l'une des valeurs ${values.join(", ")}`,
    secret: "doit être une chaîne non vide, sans espace ni saut de ligne au début ou à la fin",
    login: "doit être un nom d'utilisateur GitHub (lettres, chiffres et tirets)",
    timestamp: "doit être un nombre (horodatage Unix en millisecondes)",
    url: "doit être un nom d'hôte ou une URL https",
    separator: "\u202f; ",
    more: (count) => ` (+${count}\u00a0autre${count > 1 ? "s" : ""})`
  },
  cli: {
    argument: (problem, context) => {
      const what = (() => {
        switch (problem._tag) {
          case "UnknownOption":
            return `${problem.flag}\u00a0: option inconnue\u202f; options possibles\u00a0: ${context.options.join(", ")}`
          case "UnexpectedArgument":
            return problem.provider === undefined
              ? `'${problem.value}'\u00a0: argument inattendu\u202f; mystatus n'accepte que des options`
              : `'${problem.value}'\u00a0: argument inattendu\u202f; pour n'interroger que cette plateforme, utilisez --provider ${problem.provider}`
          case "MissingValue":
            return problem.flag === "--provider"
              ? `--provider\u00a0: valeur manquante, à choisir parmi\u00a0: ${context.providers.join(", ")}`
              : problem.flag === "--lang"
              ? `--lang\u00a0: valeur manquante, à choisir parmi\u00a0: ${context.languages.join(", ")}`
              : problem.flag === "--format"
              ? `--format\u00a0: valeur manquante, à choisir parmi\u00a0: ${context.formats.join(", ")}`
              : `${problem.flag}\u00a0: valeur manquante\u202f; attendu\u00a0: ${range(context, problem.flag)}`
          case "TakesNoValue":
            return `${problem.flag}\u00a0: cette option n'accepte pas de valeur, mais '${problem.value}' lui a été passé`
          case "NotAProvider":
            return `--provider\u00a0: '${problem.value}' n'est pas une plateforme connue\u202f; plateformes possibles\u00a0: ${
              context.providers.join(", ")
            }`
          case "NotANumber":
            return `${problem.flag}\u00a0: '${problem.value}' n'est pas ${range(context, problem.flag)}`
          case "OutOfRange":
            return `${problem.flag}\u00a0: '${problem.value}' est hors limites\u202f; attendu\u00a0: ${range(context, problem.flag)}`
          case "NotAFormat":
            return `--format\u00a0: '${problem.value}' n'est pas un format connu\u202f; formats possibles\u00a0: ${context.formats.join(", ")}`
          case "Conflict":
            return `${problem.flag} et ${problem.other} ne peuvent pas être utilisés ensemble`
          case "NotALanguage":
            return `--lang\u00a0: '${problem.value}' n'est pas une langue prise en charge\u202f; langues possibles\u00a0: ${
              context.languages.join(", ")
            }`
        }
      })()
      return `mystatus\u00a0: ${what} (voir mystatus --help)`
    },
    stopped: (seconds) =>
      `mystatus\u00a0: aucun rapport au bout de ${seconds}\u00a0secondes, exécution interrompue. Accordez plus de temps avec --timeout.`,
    internalError: (name) =>
      `mystatus\u00a0: erreur interne (${name})\u202f; merci de la signaler en indiquant la commande exécutée.`,
    unknownProvider: (names, known) =>
      `Plateforme inconnue\u00a0: ${names.join(", ")}. Plateformes connues\u00a0: ${known.join(", ")}.`,
    cancelled: "mystatus a été annulé."
  },
  errors: {
    AuthFileUnreadable: (e, c) => {
      const problem = {
        isDirectory: "c'est un répertoire, pas un fichier",
        notRegularFile: "ce n'est pas un fichier ordinaire (c'est une FIFO, un socket ou un périphérique)",
        permissionDenied: "permission refusée",
        tooLarge: e.detail === undefined
          ? "le fichier est trop volumineux"
          : `le fichier dépasse ${fr.number(Number(e.detail))}\u00a0octets`,
        tooDeep: "son JSON est imbriqué trop profondément",
        notJson: e.line === undefined || e.column === undefined
          ? "ce n'est pas du JSON valide"
          : `ce n'est pas du JSON valide (ligne ${e.line}, colonne ${e.column})`,
        notObject: "l'élément racine n'est pas un objet JSON",
        ioError: e.detail === undefined ? "erreur de lecture" : `erreur de lecture (${e.detail})`
      }[e.problem]
      const recreate = c.recreate ?? "reconnectez-vous avec `opencode auth login` pour le recréer"
      const fix = e.problem === "permissionDenied"
        ? `Rendez-le lisible par votre utilisateur, par exemple \`chmod u+r ${shellWord(e.path)}\` (s'il appartient à un autre utilisateur\u00a0: \`sudo chown "$USER" ${
          shellWord(e.path)
        }\`).`
        : e.problem === "isDirectory" || e.problem === "notRegularFile"
        ? `Supprimez-le et placez le fichier JSON à sa place\u00a0: ${recreate}.`
        : e.problem === "ioError"
        ? `Vérifiez le fichier et le disque qui le contient\u202f; si le fichier est endommagé, ${recreate}.`
        : `${sentence(recreate)}.`
      return {
        message: `Impossible de lire le fichier d'authentification ${e.path}\u00a0: ${problem}`,
        fix: c.recreate === null ? `${fix} Les autres sources d'identifiants ont tout de même été consultées.` : fix
      }
    },
    CredentialsInvalid: (e, c) => ({
      message: `Identifiants invalides dans ${e.entry === undefined ? e.source : `l'entrée "${e.entry}" de ${e.source}`}\u00a0: ${c.problem}`,
      fix: e.entry !== undefined
        ? "Corrigez les erreurs signalées, ou reconnectez-vous avec `opencode auth login` pour réécrire l'entrée."
        : c.recreate === null
        ? "Corrigez les erreurs signalées."
        : `Corrigez les erreurs signalées, ou ${c.recreate}.`
    }),
    ConfigInvalid: (e) => ({
      message: `Configuration invalide\u00a0: ${e.variable} doit être une URL http(s)`,
      fix: "Supprimez cette variable d'environnement pour utiliser l'adresse par défaut, ou donnez-lui une URL http(s) complète."
    }),
    TokenExpired: (e, c) => ({
      message: `Le jeton d'accès ${c.name} a expiré il y a ${c.span(Math.max(0, (c.now - e.expiredAt) / 1000))}`,
      fix: c.refresh ?? `Utilisez une fois un modèle ${c.name} dans OpenCode pour le rafraîchir, puis relancez mystatus.`
    }),
    HttpError: (e, c) => ({
      message: `Échec de la demande API ${c.name} (${c.status})${
        (e.detail ?? e.code) === undefined ? "" : `\u00a0: ${e.detail ?? e.code}`
      }`,
      fix: {
        refused: `${c.name} a refusé votre authentification\u00a0: réautorisez l'accès avec \`opencode auth login\`.`,
        rateLimited: `Demandes trop fréquentes\u00a0: attendez ${
          e.retryAfterSeconds === undefined ? "quelques minutes" : c.span(e.retryAfterSeconds)
        } puis réessayez.`,
        server: `${c.name} rencontre un problème temporaire\u202f; réessayez plus tard.`,
        notFound:
          `Le point de terminaison ${e.endpoint} est introuvable\u00a0: vérifiez les variables MYSTATUS_*_URL que vous avez définies. Si vous n'en avez défini aucune, l'API a peut-être changé d'adresse\u00a0: merci de signaler ce message.`,
        other: "Réessayez\u202f; si le problème persiste, signalez-le en joignant ce message."
      }[c.kind]
    }),
    ApiError: (e) => ({
      message: `Échec de la demande API ${e.service} (${e.code})${e.detail === "" ? "" : `\u00a0: ${e.detail}`}`,
      fix:
        "Vérifiez la clé API et assurez-vous que le Coding Plan est actif\u202f; enregistrez de nouveau la clé avec `opencode auth login`."
    }),
    DecodeError: (e, c) => ({
      message: `Réponse inattendue de l'API ${c.name} (${e.endpoint})\u00a0: ${
        {
          shape: c.problem,
          noQuota: `aucun des champs qui donnent le quota (${c.problem}) ne figure dans la réponse`,
          notJson: "la réponse n'est pas du JSON",
          empty: "la réponse est vide",
          tooLarge: "la réponse dépasse 2\u00a0Mio",
          tooDeep: "le JSON de la réponse est imbriqué trop profondément"
        }[e.reason]
      }`,
      fix:
        "L'API a peut-être changé, un portail captif ou un proxy a répondu à sa place, ou une variable MYSTATUS_*_URL pointe ailleurs\u202f; les autres plateformes ne sont pas concernées. Si le problème persiste, signalez ce message."
    }),
    NetworkError: (e, c) => ({
      message: `Impossible de joindre ${c.name} à l'adresse ${e.endpoint}\u00a0: ${e.cause}`,
      fix: c.kind === "tls"
        ? "Le certificat du serveur n'est pas reconnu comme fiable\u00a0: un proxy ou un pare-feu intercepte peut-être la connexion. Si c'est celui de votre organisation, faites pointer NODE_EXTRA_CA_CERTS vers son certificat d'autorité (CA)."
        : e.proxy !== undefined
        ? `Vérifiez le proxy indiqué dans ${e.proxy} (son adresse, et qu'il est bien lancé), ou supprimez ${e.proxy} pour vous connecter directement.`
        : c.kind === "refused"
        ? "Aucun service n'a accepté la connexion à cette adresse\u00a0: vérifiez les variables MYSTATUS_*_URL que vous avez définies, ou réessayez plus tard."
        : c.kind === "unreachable"
        ? `Vérifiez votre connexion réseau. Derrière un pare-feu, ou dans une région où ${c.name} est bloqué, définissez HTTPS_PROXY avec l'adresse de votre proxy (par exemple HTTPS_PROXY=http://host:port).`
        : "Vérifiez votre connexion réseau, puis réessayez."
    }),
    Timeout: (e, c) => ({
      message: `Délai d'attente de la demande dépassé (${e.seconds}\u00a0s)`,
      fix: `${c.name} n'a pas répondu à temps\u202f; réessayez, ou accordez plus de temps avec --timeout.`
    })
  },
  doctor: {
    found: (path, variables) =>
      variables.length === 0
        ? `Trouvé\u00a0: ${path}`
        : `Trouvé\u00a0: ${path} (emplacement défini par ${variables.join(", ")})`,
    notUsed: (path, variables) =>
      variables.length === 0
        ? `Introuvable\u00a0: ${path} (non utilisé)`
        : `Introuvable\u00a0: ${path} (emplacement défini par ${variables.join(", ")}\u202f; non utilisé)`,
    validJson: "Lisible, JSON valide",
    accounts: (count) => (count === 1 ? "1\u00a0compte configuré" : `${count}\u00a0comptes configurés`),
    notConfigured: (names) =>
      names.length === 0
        ? "Non configuré"
        : `${names.length === 1 ? "Plateforme non configurée" : "Plateformes non configurées"}\u00a0: ${names.join(", ")}`,
    ignored: (entry) => `L'entrée «\u00a0${entry}\u00a0» n'est pas lue par mystatus (ignorée)`,
    expiresIn: (entry, span) => `Le jeton «\u00a0${entry}\u00a0» expire dans ${span}`,
    entry: (entry) => `Lit l'entrée «\u00a0${entry}\u00a0»`,
    override: (variable) => `${variable} est définie\u00a0: les demandes sont envoyées à l'adresse qu'elle indique`,
    setting: (variable) => `${variable} est définie`,
    proxy: (variable, exempt) =>
      exempt.length === 0
        ? `Proxy actif\u00a0: ${variable}`
        : `Proxy actif\u00a0: ${variable} (NO_PROXY exclut ${exempt.join(", ")})`,
    answered: "Interrogation du quota réussie",
    nothingConfigured: {
      message: "Aucun compte configuré n'a été trouvé",
      fix: "Connectez-vous à une plateforme dans OpenCode (opencode auth login) ou ajoutez le fichier de configuration d'une plateforme (voir mystatus --help)."
    },
    summary: (problems, warnings, failing) =>
      problems === 0 && warnings === 0
        ? "Aucun problème trouvé"
        : [
          problems === 0
            ? "Aucun problème"
            : `${problems === 1 ? "1\u00a0problème trouvé" : `${problems}\u00a0problèmes trouvés`}\u00a0: ${failing.join(", ")}`,
          warnings === 0 ? null : warnings === 1 ? "1\u00a0avertissement" : `${warnings}\u00a0avertissements`
        ].filter((part) => part !== null).join("\u202f; "),
    environment: "Environnement",
    suggest: "Lancez mystatus doctor pour vérifier la configuration pas à pas."
  }
}
