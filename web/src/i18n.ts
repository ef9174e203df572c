// The console's three languages. Arabic is right-to-left; its dates use the
// month names of the user's region (Maghreb by default: يناير… يوليوز، غشت،
// شتنبر، نونبر، دجنبر), digits stay Latin as in the Moroccan press.
export type Language = "ar" | "fr" | "en";
export type ArabicMonths = "maghreb" | "mashriq" | "levant";

const strings = {
  appName: { ar: "تنسيق", fr: "Tansiq", en: "Tansiq" },
  signIn: { ar: "تسجيل الدخول", fr: "Connexion", en: "Sign in" },
  signOut: { ar: "تسجيل الخروج", fr: "Déconnexion", en: "Sign out" },
  user: { ar: "اسم المستخدم", fr: "Utilisateur", en: "User" },
  password: { ar: "كلمة المرور", fr: "Mot de passe", en: "Password" },
  orToken: { ar: "أو رمز الوصول (API)", fr: "ou jeton d'API", en: "or API token" },
  token: { ar: "الرمز", fr: "Jeton", en: "Token" },
  language: { ar: "اللغة", fr: "Langue", en: "Language" },
  months: { ar: "أسماء الشهور", fr: "Mois en arabe", en: "Arabic month names" },
  maghreb: { ar: "مغاربية", fr: "maghrébins", en: "Maghreb" },
  mashriq: { ar: "مشرقية", fr: "orientaux", en: "Mashriq" },
  levant: { ar: "شامية", fr: "levantins", en: "Levant" },
  overview: { ar: "نظرة عامة", fr: "Vue d'ensemble", en: "Overview" },
  browse: { ar: "تصفح", fr: "Parcourir", en: "Browse" },
  holdings: { ar: "المحفوظات", fr: "Fonds", en: "Holdings" },
  objects: { ar: "كائنات", fr: "objets", en: "objects" },
  today: { ar: "وصل اليوم", fr: "arrivés aujourd'hui", en: "arrived today" },
  byType: { ar: "حسب النوع", fr: "Par type", en: "By type" },
  byCollection: { ar: "حسب المجموعة", fr: "Par collection", en: "By collection" },
  partners: { ar: "الشركاء", fr: "Partenaires", en: "Partners" },
  noPartners: { ar: "لا شركاء مسجلين", fr: "Aucun partenaire", en: "No partners configured" },
  lastSync: { ar: "آخر مزامنة ناجحة", fr: "Dernière synchronisation", en: "Last successful sync" },
  never: { ar: "أبدا", fr: "jamais", en: "never" },
  error: { ar: "خطأ", fr: "Erreur", en: "Error" },
  ok: { ar: "سليم", fr: "OK", en: "OK" },
  collection: { ar: "المجموعة", fr: "Collection", en: "Collection" },
  type: { ar: "النوع", fr: "Type", en: "Type" },
  anyType: { ar: "كل الأنواع", fr: "Tous les types", en: "All types" },
  anyTlp: { ar: "كل مستويات TLP", fr: "Tous les TLP", en: "Any TLP" },
  name: { ar: "الاسم", fr: "Nom", en: "Name" },
  modified: { ar: "آخر تعديل", fr: "Modifié", en: "Modified" },
  added: { ar: "أضيف", fr: "Ajouté", en: "Added" },
  byTlp: { ar: "حسب مستوى TLP", fr: "Par niveau TLP", en: "By TLP level" },
  noTlp: { ar: "بدون TLP", fr: "Sans TLP", en: "No TLP" },
  byOrigin: { ar: "الواردة من الشركاء", fr: "Reçus des partenaires", en: "Received from partners" },
  nothingReceived: {
    ar: "لم يرد أي كائن من الشركاء",
    fr: "Aucun objet reçu des partenaires",
    en: "Nothing received from partners",
  },
  origin: { ar: "الشريك المصدر", fr: "Partenaire d'origine", en: "Partner of origin" },
  anyOrigin: { ar: "كل المصادر", fr: "Toutes origines", en: "Any origin" },
  addedFrom: { ar: "أضيف من", fr: "Ajouté du", en: "Added from" },
  addedTo: { ar: "إلى", fr: "au", en: "to" },
  clearFilters: { ar: "مسح المرشحات", fr: "Effacer les filtres", en: "Clear filters" },
  shown: { ar: "معروض", fr: "affichés", en: "shown" },
  allShown: { ar: "كل النتائج معروضة", fr: "Tout est affiché", en: "All shown" },
  loadMore: { ar: "تحميل المزيد", fr: "Charger la suite", en: "Load more" },
  badDateRange: {
    ar: "تاريخ البداية بعد تاريخ النهاية",
    fr: "La date de début est après la date de fin",
    en: "The start date is after the end date",
  },
  nothing: { ar: "لا شيء هنا", fr: "Rien ici", en: "Nothing here" },
  loading: { ar: "جار التحميل…", fr: "Chargement…", en: "Loading…" },
  markings: { ar: "العلامات", fr: "Marquages", en: "Markings" },
  categories: { ar: "الفئات", fr: "Catégories", en: "Categories" },
  originator: { ar: "الجهة المصدر", fr: "Émetteur", en: "Originator" },
  releasableTo: { ar: "قابل للإرسال إلى", fr: "Diffusable à", en: "Releasable to" },
  thirdPartyRule: {
    ar: "قاعدة الطرف الثالث: لا يمرر إلا بموافقة المصدر",
    fr: "Règle du tiers : pas de rediffusion sans l'accord de l'émetteur",
    en: "Third-party rule: no onward release without the originator's consent",
  },
  expires: { ar: "ينتهي", fr: "Expire", en: "Expires" },
  whoMaySee: { ar: "من يمكنه الاطلاع؟", fr: "Qui peut voir cet objet ?", en: "Who may see this" },
  released: { ar: "يرسل", fr: "Diffusé", en: "Released" },
  withheld: { ar: "محجوب", fr: "Retenu", en: "Withheld" },
  noPartnerAgencies: {
    ar: "لا توجد وكالات شريكة",
    fr: "Aucune agence partenaire",
    en: "No partner agencies",
  },
  versions: { ar: "النسخ", fr: "Versions", en: "Versions" },
  provenance: { ar: "المصدر", fr: "Provenance", en: "Provenance" },
  receivedFrom: { ar: "ورد من", fr: "Reçu de", en: "Received from" },
  localObject: { ar: "أنشئ في هذه العقدة", fr: "Créé sur ce nœud", en: "Created on this node" },
  refersTo: { ar: "يشير إلى", fr: "Fait référence à", en: "Refers to" },
  notReadable: { ar: "غير متاح لك", fr: "non accessible", en: "not readable by you" },
  properties: { ar: "الخصائص", fr: "Propriétés", en: "Properties" },
  rawJson: { ar: "JSON الأصلي", fr: "JSON brut", en: "Raw JSON" },
  description: { ar: "الوصف", fr: "Description", en: "Description" },
  back: { ar: "رجوع", fr: "Retour", en: "Back" },
  graph: { ar: "شبكة العلاقات", fr: "Graphe des relations", en: "Relationship graph" },
  graphHelp: {
    ar: "انقر على عقدة (أو Enter) لإظهار جيرانها؛ الروابط أسفله تفتح الكائنات.",
    fr: "Cliquez sur un nœud (ou Entrée) pour afficher ses voisins ; les liens dessous ouvrent les objets.",
    en: "Click a node (or press Enter) to bring in its neighbours; the links below open the objects.",
  },
  map: { ar: "الخريطة", fr: "Carte", en: "Map" },
  mapHelp: {
    ar: "الدول المذكورة مظللة، والمواقع ذات الإحداثيات معلمة بنقطة.",
    fr: "Pays mentionnés en couleur ; lieux à coordonnées marqués d'un point.",
    en: "Countries named by a location are shaded; locations with coordinates are dots.",
  },
  truncated: { ar: "القائمة مقتطعة", fr: "liste tronquée", en: "list truncated" },
  screening: { ar: "فحص الأسماء", fr: "Criblage de noms", en: "Name screening" },
  screenHelp: {
    ar: "اكتب اسما بأي كتابة (عربية أو لاتينية).",
    fr: "Saisissez un nom, en écriture arabe ou latine.",
    en: "Type a name in any script (Arabic or Latin).",
  },
  birthDate: { ar: "تاريخ الميلاد", fr: "Date de naissance", en: "Birth date" },
  nationality: { ar: "الجنسية", fr: "Nationalité", en: "Nationality" },
  screen: { ar: "فحص", fr: "Cribler", en: "Screen" },
  score: { ar: "الدرجة", fr: "Score", en: "Score" },
  why: { ar: "سبب التطابق", fr: "Pourquoi", en: "Why it matched" },
  noCandidates: {
    ar: "لا مرشحين فوق العتبة",
    fr: "Aucun candidat au-dessus du seuil",
    en: "No candidate above the threshold",
  },
  cooperation: { ar: "التعاون", fr: "Coopération", en: "Cooperation" },
  agreements: { ar: "الاتفاقيات", fr: "Accords", en: "Agreements" },
  parties: { ar: "الأطراف", fr: "Parties", en: "Parties" },
  highestTlp: { ar: "أعلى TLP", fr: "TLP maximal", en: "Highest TLP" },
  validity: { ar: "مدة السريان", fr: "Validité", en: "Validity" },
  onwardSharing: { ar: "إعادة التقاسم", fr: "Rediffusion", en: "Onward sharing" },
  status: { ar: "الحالة", fr: "État", en: "Status" },
  inForce: { ar: "سارية", fr: "en vigueur", en: "in force" },
  notInForce: { ar: "غير سارية", fr: "pas en vigueur", en: "not in force" },
  withdrawn: { ar: "ملغاة", fr: "retiré", en: "withdrawn" },
  yes: { ar: "نعم", fr: "oui", en: "yes" },
  no: { ar: "لا", fr: "non", en: "no" },
  agreement: { ar: "الاتفاقية", fr: "Accord", en: "Agreement" },
  flowIn: { ar: "وارد", fr: "Reçus", en: "In" },
  flowOut: { ar: "صادر", fr: "Envoyés", en: "Out" },
  flowWithheld: { ar: "محجوب", fr: "Retenus", en: "Withheld" },
  flowRejected: { ar: "مرفوض", fr: "Rejetés", en: "Rejected" },
  lastWeekNote: {
    ar: "الأرقام عن الأيام السبعة الأخيرة، من سجل التدقيق.",
    fr: "Chiffres des sept derniers jours, d'après le journal d'audit.",
    en: "Figures for the last seven days, from the audit log.",
  },
  auditTrail: { ar: "سجل التدقيق", fr: "Journal d'audit", en: "Audit trail" },
  date: { ar: "التاريخ", fr: "Date", en: "Date" },
  action: { ar: "الإجراء", fr: "Action", en: "Action" },
  partnerCol: { ar: "الشريك", fr: "Partenaire", en: "Partner" },
  detail: { ar: "التفاصيل", fr: "Détail", en: "Detail" },
  search: { ar: "بحث", fr: "Recherche", en: "Search" },
  searchWords: { ar: "كلمات البحث", fr: "Mots", en: "Words" },
  from: { ar: "من", fr: "Du", en: "From" },
  to: { ar: "إلى", fr: "Au", en: "To" },
  noResults: { ar: "لا نتائج", fr: "Aucun résultat", en: "No results" },
  about: { ar: "النتائج:", fr: "Résultats :", en: "Results:" },
  articleText: { ar: "نص المقال", fr: "Texte de l'article", en: "Article text" },
  kind_person: { ar: "شخص", fr: "personne", en: "person" },
  kind_organization: { ar: "هيئة", fr: "organisation", en: "organisation" },
  kind_group: { ar: "جماعة", fr: "groupe", en: "group" },
  kind_location: { ar: "مكان", fr: "lieu", en: "place" },
  kind_date: { ar: "تاريخ", fr: "date", en: "date" },
  kind_figure: { ar: "رقم", fr: "chiffre", en: "figure" },
  // Errors, in the user's language (the node's own text follows as detail).
  unauthorized: {
    ar: "انتهت الجلسة أو بيانات الدخول غير صحيحة. سجل الدخول من جديد.",
    fr: "Session expirée ou identifiants incorrects. Reconnectez-vous.",
    en: "Your session has expired or the credentials are wrong. Please sign in again.",
  },
  forbidden: {
    ar: "ليس لهذا الحساب حق الوصول.",
    fr: "Ce compte n'y a pas accès.",
    en: "This account may not do that.",
  },
  not_found: {
    ar: "غير موجود، أو حذف، أو ليس لك حق الاطلاع عليه.",
    fr: "Introuvable, supprimé, ou hors de vos droits de lecture.",
    en: "Not found: it was deleted, or this account may not read it.",
  },
  bad_request: { ar: "طلب غير صالح.", fr: "Requête invalide.", en: "The request is not valid." },
  unreachable: {
    ar: "تعذر الاتصال بالعقدة. تحقق من أنها تعمل.",
    fr: "Le nœud ne répond pas. Vérifiez qu'il tourne.",
    en: "The node cannot be reached. Check that it is running.",
  },
  server: {
    ar: "حدث خطأ في العقدة.",
    fr: "Erreur du nœud.",
    en: "The node ran into an error.",
  },
  retry: { ar: "إعادة المحاولة", fr: "Réessayer", en: "Try again" },
} as const;

export type StringKey = keyof typeof strings;

let current: Language = "en";
let arabicMonths: ArabicMonths = "maghreb";

export function initLanguage(): void {
  const saved = localStorage.getItem("tansiq.language");
  if (saved === "ar" || saved === "fr" || saved === "en") current = saved;
  else if (navigator.language.startsWith("ar")) current = "ar";
  else if (navigator.language.startsWith("fr")) current = "fr";
  const months = localStorage.getItem("tansiq.arabicMonths");
  if (months === "maghreb" || months === "mashriq" || months === "levant") arabicMonths = months;
  applyToDocument();
}

export function language(): Language {
  return current;
}

export function monthStyle(): ArabicMonths {
  return arabicMonths;
}

export function setLanguage(language: Language): void {
  current = language;
  localStorage.setItem("tansiq.language", language);
  applyToDocument();
}

export function setMonthStyle(style: ArabicMonths): void {
  arabicMonths = style;
  localStorage.setItem("tansiq.arabicMonths", style);
}

function applyToDocument(): void {
  document.documentElement.lang = current;
  document.documentElement.dir = current === "ar" ? "rtl" : "ltr";
  document.title = strings.appName[current];
}

export function t(key: StringKey): string {
  return strings[key][current];
}

function locale(): string {
  if (current === "fr") return "fr-FR";
  if (current === "en") return "en-GB";
  // CLDR's Arabic locales carry the regional month names.
  const region = { maghreb: "ar-MA", mashriq: "ar-EG", levant: "ar-SY" }[arabicMonths];
  return region + "-u-nu-latn";
}

// A STIX timestamp for people; the text as it is when it does not parse.
export function formatDate(timestamp: string, withTime = true): string {
  if (!timestamp) return "";
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return timestamp;
  return new Intl.DateTimeFormat(locale(), {
    year: "numeric",
    month: "long",
    day: "numeric",
    ...(withTime ? { hour: "2-digit", minute: "2-digit", timeZone: "UTC", timeZoneName: "short" } : { timeZone: "UTC" }),
  }).format(date);
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(locale()).format(value);
}
