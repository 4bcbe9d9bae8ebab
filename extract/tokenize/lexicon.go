package tokenize

// The tables below are a small lexicon of English written-language
// conventions, checked against the training part of UD English-EWT. They
// are never modified.

// Classes of abbreviations, by what may follow them.
const (
	abbrNone   uint8 = iota
	abbrTitle        // precedes a name and never ends a sentence: "Mr."
	abbrFinal        // may end a sentence, which EWT then splits: "etc" + "."
	abbrNumber       // an abbreviation only before a number: "No. 5"
	abbrEnd          // ends a sentence when a capital follows: "etc."
)

// maxAbbrev bounds the length of an abbreviation, periods included.
const maxAbbrev = 12

// abbreviations maps the abbreviations that keep their final period to
// their class, without the period. Initials ("W.") and letters separated
// by periods ("U.S.", "e.g.") are recognised without being listed.
var abbreviations = map[string]uint8{
	// Titles and ranks.
	"Mr": abbrTitle, "Mrs": abbrTitle, "Ms": abbrTitle, "Messrs": abbrTitle, "Mssrs": abbrTitle,
	"Dr": abbrTitle, "Drs": abbrTitle, "Prof": abbrTitle, "Rev": abbrTitle, "Revd": abbrTitle, "Fr": abbrTitle,
	"Hon": abbrTitle, "Pres": abbrTitle, "Gov": abbrTitle, "Sen": abbrTitle, "Sens": abbrTitle,
	"Rep": abbrTitle, "Reps": abbrTitle, "Gen": abbrTitle, "Lt": abbrTitle, "Col": abbrTitle,
	"Capt": abbrTitle, "Cmdr": abbrTitle, "Cdr": abbrTitle, "Adm": abbrTitle, "Maj": abbrTitle,
	"Sgt": abbrTitle, "Cpl": abbrTitle, "Pvt": abbrTitle, "Brig": abbrTitle, "Supt": abbrTitle,
	"Atty": abbrTitle, "Amb": abbrTitle, "Insp": abbrTitle, "Det": abbrTitle, "Msgr": abbrTitle,
	"Mme": abbrTitle, "Mlle": abbrTitle, "Mt": abbrTitle, "Ft": abbrTitle, "Spec": abbrTitle,
	"Ass't": abbrTitle, "Asst": abbrTitle, "P.S": abbrTitle, "PS": abbrTitle, "ps": abbrTitle,

	// Names, companies and places.
	"Jr": abbrFinal, "Sr": abbrFinal, "St": abbrFinal, "Sts": abbrFinal, "Inc": abbrFinal, "Corp": abbrFinal,
	"Co": abbrFinal, "co": abbrFinal, "Ltd": abbrFinal, "Bros": abbrFinal, "Assn": abbrFinal,
	"Assoc": abbrFinal, "Dept": abbrFinal, "dept": abbrFinal, "Univ": abbrFinal, "Esq": abbrFinal,
	"Ave": abbrFinal, "Blvd": abbrFinal, "Rd": abbrFinal, "Hwy": abbrFinal, "Pl": abbrFinal,
	"Ala": abbrFinal, "Ariz": abbrFinal, "Ark": abbrFinal, "Calif": abbrFinal, "Colo": abbrFinal,
	"Conn": abbrFinal, "Del": abbrFinal, "Fla": abbrFinal, "Ga": abbrFinal, "Ind": abbrFinal,
	"Kan": abbrFinal, "Kans": abbrFinal, "Ky": abbrFinal, "La": abbrFinal, "Md": abbrFinal,
	"Mass": abbrFinal, "Mich": abbrFinal, "Minn": abbrFinal, "Mo": abbrFinal, "Mont": abbrFinal,
	"Neb": abbrFinal, "Nev": abbrFinal, "Okla": abbrFinal, "Ore": abbrFinal, "Pa": abbrFinal,
	"Penn": abbrFinal, "Tenn": abbrFinal, "Tex": abbrFinal, "Va": abbrFinal, "Vt": abbrFinal,
	"Wis": abbrFinal, "Wyo": abbrFinal, "Que": abbrFinal, "Ont": abbrFinal,

	// Months and days.
	"Jan": abbrFinal, "Feb": abbrFinal, "Apr": abbrFinal, "Jun": abbrFinal, "Jul": abbrFinal,
	"Aug": abbrFinal, "Sep": abbrFinal, "Sept": abbrFinal, "Oct": abbrFinal, "Nov": abbrFinal,
	"Dec": abbrFinal, "Mon": abbrFinal, "Tue": abbrFinal, "Tues": abbrFinal, "Wed": abbrFinal,
	"Thu": abbrFinal, "Thur": abbrFinal, "Thurs": abbrFinal, "Fri": abbrFinal, "Sat": abbrFinal,
	"Sun": abbrFinal,

	// Latin and common abbreviations, units.
	"etc": abbrEnd, "al": abbrFinal, "vs": abbrFinal, "Vs": abbrFinal, "cf": abbrFinal,
	"viz": abbrFinal, "approx": abbrFinal, "Approx": abbrFinal, "esp": abbrFinal, "Esp": abbrFinal,
	"eg": abbrFinal, "misc": abbrFinal, "govt": abbrFinal, "incl": abbrFinal, "ext": abbrFinal,
	"Ext": abbrFinal, "tel": abbrFinal, "Tel": abbrFinal, "Fax": abbrFinal, "Mob": abbrFinal,
	"attn": abbrFinal, "Attn": abbrFinal, "Arrv": abbrFinal, "arrv": abbrFinal, "Dep": abbrFinal,
	"yr": abbrFinal, "yrs": abbrFinal, "hr": abbrFinal, "hrs": abbrFinal, "mins": abbrFinal,
	"secs": abbrFinal, "lb": abbrFinal, "lbs": abbrFinal, "oz": abbrFinal, "sq": abbrFinal,
	"pp": abbrFinal, "pg": abbrFinal, "Ph": abbrFinal, "Conf": abbrFinal, "Para": abbrFinal,
	"lv": abbrFinal, "Lv": abbrFinal, "Sec": abbrFinal, "Sc": abbrFinal,

	// Before numbers only.
	"No": abbrNumber, "no": abbrNumber, "Nos": abbrNumber, "nos": abbrNumber, "Vol": abbrNumber,
	"vol": abbrNumber, "Fig": abbrNumber, "fig": abbrNumber, "Art": abbrNumber, "Ch": abbrNumber,
}

// maxStarter bounds the length of sentenceStarters.
const maxStarter = 9

// sentenceStarters are capitalised function words that usually begin a
// sentence, so that an abbreviation before them probably ends one.
var sentenceStarters = map[string]bool{
	"The": true, "This": true, "That": true, "These": true, "Those": true, "It": true,
	"Its": true, "I": true, "We": true, "You": true, "He": true, "She": true, "They": true,
	"There": true, "Here": true, "But": true, "And": true, "So": true, "Or": true, "If": true,
	"In": true, "On": true, "At": true, "For": true, "A": true, "An": true, "As": true,
	"My": true, "Our": true, "Your": true, "His": true, "Her": true, "Their": true,
	"What": true, "When": true, "Where": true, "Why": true, "How": true, "Who": true,
	"Which": true, "Please": true, "Thanks": true, "Thank": true, "Also": true, "Then": true,
	"After": true, "Before": true, "Now": true, "Some": true, "Many": true, "Most": true,
	"All": true, "Yes": true, "Let": true, "Do": true, "Does": true, "Did": true, "Is": true,
	"Are": true, "Was": true, "Were": true, "Will": true, "Would": true, "Can": true,
	"Could": true, "Should": true, "Any": true, "Each": true, "Every": true, "To": true,
	"From": true, "With": true, "Since": true, "Because": true, "However": true,
	"Although": true, "While": true, "Just": true, "Even": true, "Still": true, "Maybe": true,
	"Perhaps": true, "Regards": true, "Best": true, "Cheers": true, "Oh": true, "Well": true,
	"Hi": true, "Hello": true, "Dear": true, "Not": true, "Only": true, "Other": true,
}

// hyphenPrefixes are the prefixes after which EWT keeps a hyphen inside
// the word ("e-mail", "non-violent", "re-elect"); other hyphens between
// words are tokens of their own ("Israel - Iran", "50 - minute").
var hyphenPrefixes = map[string]bool{
	"e": true, "non": true, "pre": true, "anti": true, "re": true, "mid": true, "post": true,
	"co": true, "over": true, "multi": true, "pro": true, "sub": true, "ex": true,
	"semi": true, "cross": true, "neo": true, "psycho": true, "micro": true, "un": true,
	"socio": true, "arch": true, "counter": true, "intra": true, "inter": true,
	"ultra": true, "mega": true, "super": true, "hyper": true, "trans": true, "quasi": true,
	"pseudo": true, "mis": true, "macro": true, "mini": true, "bi": true, "tri": true,
}

// slashWords are the abbreviations written with a slash that are one
// token ("w/o"); other slashes between words are tokens ("and / or").
var slashWords = map[string]bool{
	"w/o": true, "w/out": true, "l/c": true, "i/c": true, "i/s": true, "b/t": true,
	"w/e": true, "s/he": true, "b/c": true,
}

// extensions are the top-level domains and file extensions that make a
// dotted word a host or file name, kept whole with its hyphens and
// underscores ("risk-conferences.com", "ETA_revision0307.doc").
var extensions = map[string]bool{
	"com": true, "org": true, "net": true, "edu": true, "gov": true, "mil": true,
	"uk": true, "ca": true, "au": true, "de": true, "fr": true, "jp": true, "nz": true,
	"info": true, "biz": true, "io": true, "tv": true, "doc": true, "docx": true, "xls": true,
	"xlsx": true, "ppt": true, "pptx": true, "pdf": true, "txt": true, "htm": true,
	"html": true, "php": true, "asp": true, "aspx": true, "jsp": true, "cfm": true,
	"jpg": true, "jpeg": true, "gif": true, "png": true, "bmp": true, "tif": true, "tiff": true,
	"mp3": true, "mp4": true, "avi": true, "mov": true, "wav": true, "zip": true, "exe": true,
	"url": true, "xml": true, "csv": true, "rtf": true, "dat": true, "wpd": true,
}

// clitics are the contracted words written after an apostrophe that EWT
// splits off as words of their own ("I" + "'m"); "n't" is handled apart.
var clitics = map[string]bool{
	"s": true, "m": true, "d": true, "ll": true, "re": true, "ve": true,
}

// maxClitic bounds the length of leadingClitics.
const maxClitic = 5

// leadingClitics are the words that can follow an apostrophe at the start
// of a token ("'s" written apart, "'em", "'cause"), lower-cased.
var leadingClitics = map[string]bool{
	"s": true, "m": true, "d": true, "ll": true, "re": true, "ve": true,
	"em": true, "cause": true, "til": true, "bout": true, "n": true,
}

// contractionInitials marks the letters that start a contraction, to rule
// most words out at a glance.
var contractionInitials = func() (t [256]bool) {
	for w := range contractions {
		t[w[0]] = true
		t[w[0]-('a'-'A')] = true
	}
	return t
}()

// contractions are the contractions written without an apostrophe, with
// the offsets where their second and third words start: "cannot" is
// "can" + "not", "dunno" is "du" + "n" + "no".
var contractions = map[string][2]uint8{
	"cannot": {3}, "gonna": {3}, "wanna": {3}, "gotta": {3}, "outta": {3}, "sorta": {4},
	"dunno": {2, 3}, "awhile": {1},
	"dont": {2}, "didnt": {3}, "doesnt": {4}, "isnt": {2}, "wasnt": {3}, "werent": {4},
	"arent": {3}, "cant": {2}, "wont": {2}, "couldnt": {5}, "wouldnt": {5}, "shouldnt": {6},
	"havent": {4}, "hasnt": {3}, "hadnt": {3}, "aint": {2},
	"im": {1}, "ive": {1}, "youre": {3}, "theyre": {4}, "thats": {4}, "whats": {4},
	"theres": {5}, "heres": {4}, "youll": {3}, "itll": {2},
}

// units are the one-letter units and multipliers that EWT splits off a
// number ("$5m" is "$" + "5" + "m", "45p" is "45" + "p"); other single
// letters after a number make a code ("4g", "220a"). Longer words are
// always split off ("10am", "20minutes") unless they are ordinals.
var units = map[string]bool{
	"k": true, "m": true, "b": true, "t": true, "p": true, "c": true, "f": true, "x": true,
}

// ordinals are the endings of numbers that stay whole: "2nd", "1990s".
var ordinals = map[string]bool{
	"st": true, "nd": true, "rd": true, "th": true, "s": true, "ies": true,
}

// maxWhole bounds the length of wholeTokens and emoticons.
const maxWhole = 8

// wholeTokens are written with punctuation that would otherwise be split
// off, but are single tokens.
var wholeTokens = map[string]bool{
	"Yahoo!": true, "w/": true, "a.k.a": true,
}

// isWholeToken reports whether s is one of wholeTokens, all of which end
// in punctuation.
func isWholeToken(s string) bool {
	return s != "" && asciiClass[s[len(s)-1]] == cPunct && wholeTokens[s]
}

// emoticons are kept as tokens. Those starting with a letter ("XD") are
// only recognised as a whole chunk.
var emoticons = []string{
	":)", ":-)", ":))", ":-))", ":(", ":-(", ":((", ";)", ";-)", ";))", ":D", ":-D", ";D",
	":P", ":-P", ":p", ":-p", ";P", ";p", ":/", ":-/", ":|", ":-|", ":o", ":O", ":-O",
	":'(", ":'-(", ":]", ":[", ":}", ":{", ":*", ":-*", "=)", "=(", "=D", "=P", "=]",
	"^_^", "^^", "^.^", "-_-", "-.-", "o_O", "O_o", "<3", "</3", ">:(", ">:)", "XD", "xD",
	"(:", "):", "T_T", ";_;",
}

// emoticonEdges marks the bytes that start (bit 1) or end (bit 2) an
// emoticon, to rule most text out at a glance.
var emoticonEdges = func() (t [256]uint8) {
	for _, e := range emoticons {
		t[e[0]] |= 1
		t[e[len(e)-1]] |= 2
	}
	return t
}()

func isEmoticon(s string) bool {
	if s == "" || emoticonEdges[s[0]]&1 == 0 {
		return false
	}
	for _, e := range emoticons {
		if s == e {
			return true
		}
	}
	return false
}

// emoticonPrefix returns the length of the longest emoticon that starts s
// and is not followed by a word character, or 0.
func emoticonPrefix(s string) int {
	if s == "" || emoticonEdges[s[0]]&1 == 0 {
		return 0
	}
	best := 0
	for _, e := range emoticons {
		if len(e) > best && len(s) >= len(e) && s[:len(e)] == e && isLeadPunct(e) &&
			(len(s) == len(e) || !isWord(decodeRune(s, len(e)))) {
			best = len(e)
		}
	}
	return best
}

// emoticonSuffix returns the length of the longest emoticon that ends s,
// or 0.
func emoticonSuffix(s string) int {
	// Only emoticons whose last but one character is punctuation are
	// looked for at the end of a chunk.
	if len(s) < 2 || emoticonEdges[s[len(s)-1]]&2 == 0 || asciiClass[s[len(s)-2]] != cPunct {
		return 0
	}
	best := 0
	for _, e := range emoticons {
		if len(e) > best && len(s) >= len(e) && s[len(s)-len(e):] == e && isLeadPunct(e) {
			best = len(e)
		}
	}
	return best
}

// isLeadPunct reports whether emoticon e can be found inside a chunk: it
// starts with punctuation and is not a bracket pair that ordinary text
// makes ("(:", "):").
func isLeadPunct(e string) bool {
	return asciiClass[e[0]] == cPunct && e[0] != '(' && e[0] != ')' && e != "<3"
}

// its is "its", the possessive, which web text also writes for "it's".
var its = map[string]bool{"its": true}

// afterItIs are words that follow "it's" but not the possessive "its".
var afterItIs = map[string]bool{
	"a": true, "an": true, "the": true, "not": true, "been": true, "so": true, "very": true,
	"just": true, "really": true, "too": true, "gonna": true, "going": true, "ok": true,
	"okay": true, "also": true, "always": true, "like": true, "because": true, "this": true,
	"that": true, "what": true, "my": true, "your": true, "his": true, "her": true, "our": true,
	"their": true, "no": true, "in": true, "on": true, "at": true, "for": true, "to": true,
	"about": true, "hard": true, "still": true, "never": true, "definitely": true, "pretty": true,
	"actually": true, "probably": true, "great": true, "good": true, "nice": true, "true": true,
}
