//! The one place that knows the order of the stages.
//!
//! [`analyze`] runs the pure analysis stages on one document; [`assemble`]
//! merges the analyses of a corpus into one [`Graph`]; [`build`] wraps both
//! with the I/O stages (ingest before, store after). Analysis never fails: a
//! document that cannot be read is reported by ingest and skipped.

use crate::compact::{self, Compact};
use crate::error::{Error, Result};
use crate::lexicon::Lexicon;
use crate::model::{Analysis, Document, Graph};
pub use crate::store::Timing;
use crate::store::{self, remove_database_files, resident_megabytes, AnalyzedDocument, Store};
use crate::{entities, events, ingest, lang, relations, resolve, sentences};
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;

/// What `newsgraph build` was asked to do.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Files and directories to read (recursively; `.txt` and `.md`).
    pub paths: Vec<PathBuf>,
    /// The SQLite database to create or extend.
    pub db: PathBuf,
    /// Start the database over instead of adding to it.
    pub rebuild: bool,
    /// Publication date for documents whose front matter gives none.
    pub date: Option<String>,
    /// Threads that read and analyse documents (`None`: one per core). The
    /// result is the same whatever the number.
    pub threads: Option<usize>,
    /// Set (by a Ctrl-C handler) to stop the build at the next batch: what
    /// was stored stays, whole, and the next build goes on from there.
    pub cancel: Option<Arc<AtomicBool>>,
}

/// What a build did.
#[derive(Debug, Default)]
pub struct BuildReport {
    /// Documents read and stored for the first time (or changed).
    pub added: usize,
    /// Documents skipped because the database already held the same content.
    pub unchanged: usize,
    /// Files that could not be read, with the reason; the build went on without them.
    pub skipped: Vec<crate::Error>,
    /// Soft problems found while analysing (document id, message).
    pub diagnostics: Vec<(String, String)>,
    /// Totals in the database after the build.
    pub n_documents: usize,
    pub n_entities: usize,
    pub n_events: usize,
    pub n_relations: usize,
    /// Mentions of the graph's entities, and events as sentences state them
    /// (before merging), in the whole database.
    pub n_mentions: usize,
    pub n_local_events: usize,
    /// Documents whose rows in the graph tables the assembly (re)wrote.
    pub n_rewritten: usize,
    /// How long each phase took: reading, analysing and storing, then the
    /// assembly and its steps ([`format_timings`] shows them).
    pub timings: Vec<Timing>,
}

/// How far a build is, for a progress display.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// The input is listed: this many files and bytes to read.
    Listed { files: usize, bytes: u64 },
    /// This many files (and bytes) are read, analysed or found unchanged, and stored.
    Read { files: usize, bytes: u64 },
    /// Stored documents whose analysis was missing or out of date: this many analysed again.
    Reanalyzed { done: usize, total: usize },
    /// The corpus graph is being assembled.
    Assembling,
}

/// Documents read and analysed per batch: enough to keep every thread busy,
/// few enough that memory does not grow with the corpus.
const BATCH_FILES: usize = 256;
const BATCH_BYTES: u64 = 8 << 20;

/// Bumped whenever the analysis stages find something else in the same
/// text, so that analyses stored by an earlier build are redone rather than
/// mixed with new ones. 2: capitalised pronouns ("He", "Er") link to a person
/// wherever they stand. 3: organisation heads and tails, place tails, a
/// country or capital opening an organisation's name. 4: German verb-final
/// clauses take objects after prepositions; reactions to "the decision"
/// target the agent of the event referred to; a word after a determiner is
/// not a verb; participles after nouns, relative-clause antecedents, lifted
/// or answered events, headline dates; portfolio titles make ministers lead
/// their ministry; German given names inside noun runs, inflected
/// apposition nouns; party adjectives end no name; an unqualified body far
/// from its last naming is the article's first of its kind; fines, appeals;
/// a dateline's agency is no antecedent. 5: a country before a modal, an
/// adverb or a present tense and an article is a subject, not a qualifier;
/// German passives without an agent ("wurde sanktioniert", "Gegen X wird
/// ermittelt"); "von" after a common noun is no passive agent; a support
/// verb before an event noun of another type is no event of its own ("opened
/// investigations"); "the Commission" is an anaphor; laws are no actors;
/// "breach" alone is no intrusion; "the fine" refers back to a fine; titles
/// match in either case and a portfolio chief is a member; an unnamed
/// cabinet is the government's named before it; "abandoned" negates; "Arm"
/// beside "Arm Ltd" is the lexicon's company; a dateline's capital is no
/// government; a German genitive qualifies an adjective and its noun; a
/// reaction in a relative clause on an event noun ("a move that Beijing
/// condemned"); revoked licences are a sanction; buying a company's products
/// is no acquisition. 6: a possessor is the agent of its event noun
/// ("Microsoft's $69 billion takeover"); a verb-or-noun trigger after a
/// support verb or a possessive is the noun ("opens antitrust probe"); a
/// company no lexicon holds before its officer's title; an agent's own
/// country is not its target; a German clause opened by an unnamed noun
/// phrase or a pronoun takes no subject after the verb; gaps do not make a
/// trigger pattern longer; names behind a cause are no targets; nobody
/// opposes their own state's acts; investments a sanction restricts are its
/// object; appositions after a name type it and name a parent or a leader;
/// companies after "in" are no places; an English participle after a comma
/// shares the subject; German coordinated verb-final clauses and phrases with
/// a gap keep their own objects. 7: no object across a clause conjunction
/// (`[clauses]`); an event noun in the gap of a phrase of another type is
/// its own event, done by whom a blame names; a possessor before the name it
/// owns, a body a person's title names and a quotation's speaker are no
/// objects; an infinitive of purpose restates its verb; the bare head of an
/// agency's name refers to it; an apposition's head stands before its
/// preposition; transliterated person names share a key. 8: a description
/// opening a sentence refers back to the last authority ("Die Brüsseler
/// Behörde"); an agency noun to the body it heads, never to a court; a
/// surname alone after the full name is the person; a source after the
/// statement is no object. 9: "&" joins the words of one name ("Hallberg &
/// Roux"). 10: a reported wrong is the reporter's accusation ("said Apple had
/// abused its dominant position"). 11: a bare name listed beside a company is
/// a company. 12: passives before "by" however far their auxiliary; a
/// blocked takeover is its parties'; German participles take the subject at
/// their auxiliary; name particles ("de Moraes"); office holders lead their
/// body. 13: renaming phrases make one entity ("Twitter, now X"); German
/// initials for surnames ("Jian G."); vessels and cables are products; the
/// body its people work at acts; convictions; "it" after an opening
/// adverbial. 14: a platform's head leads it; member nouns ("AfD-Politiker");
/// no genitive "s" inside a name ending in "s" ("Siemens Alstom"). 15: roles
/// stated away from the name (appositions after a title of a body,
/// possessive descriptions, "chaired by", bare titles looking back, German
/// compound titles naming their body); ministers of a kind in the
/// trade-economy-industry ring, or members of their government; commissioners
/// are members of the Commission; companies named after their parent are
/// subsidiaries; a word after a known company is its product; a listed
/// surname after another given name is someone else. 16: court anaphors
/// ("das Gericht"); voiced concerns; German subjects joined after the verb;
/// expelled diplomats, boarded vessels, sabotage; legal appeals reject, courts that uphold support;
/// phrases closing on a noun; a country before another's body, and longer
/// names, make bodies of their own; local prosecutors and police; Swiss and
/// Austrian "Bundes-" bodies; short and initial forms of a body or company
/// named before; German plural appositions list companies. 17: names no
/// lexicon holds, read from context (abbreviations inside appositions,
/// titles that are family names, kinship nouns, two names sharing a plural
/// role, a role before "of" without an article, a family company's name
/// after a given name); "Corporation of <country>"; units named after a
/// group; a product's name opening an earlier company's; given names of
/// the wider world; a reported wrong restates no investigation, and a time
/// may stand between a noun and its preposition; a penalty paid hits the
/// payer. 18: a country's body described, not named ("Australia's
/// financial crimes watchdog"), is its body the document names; a bare
/// "Authorities" opening a sentence and "the junta" are the government;
/// cut supplies sanction; German "sie" after a singular verb; a person's
/// party after "of" is no subject; a verb joined to a passive by "and" is
/// active before its object; "it" in a relative clause is the sentence's
/// subject; "the group" is the company named "… Group". 19: a country's
/// courts are the court the document names next ("A Czech court … The
/// Regional Court in Brno"), a court's seat after "in" is part of its
/// name; a sale is the buyer's acquisition; contracts signed, extended or
/// settled agree, choices and awarded contracts cooperate, withdrawn
/// complaints retreat, injunctions restrain; a verb after a relative
/// "that" with an object; German "er" for a company a masculine noun
/// introduced; a ministry without a country is that of the government
/// named just before; who attends is no party. 20: a product's model
/// number names the model ("iPhone 16"). 21: a role set off by commas
/// before a name makes a person ("His wife, Ensaf Haidar,"); a country's
/// adjective before "Airlines" or "National Bank" is part of the name. 22:
/// "ist … festgenommen worden" is passive; police, prosecutors or a court
/// that report an agentless coercion, sanction or charge made it; a name
/// after the auxiliary is the object when an unnamed noun phrase leads.
/// 23: "penalties" paid to several bodies, or to settle investigations in
/// them, are imposed by each. 24: dropping a state from a white list
/// sanctions it; a German zu-infinitive takes the main clause's lone
/// subject; reported speech opens after a separable verb's particle
/// ("kündigte an, Seoul werde …"); no preposition across a comma. 25:
/// "Judge X of Y Court" is a person and a court; "Companies" is a
/// company suffix, and an acronym that opens a company's name stands for
/// it ("C&S"); who brought a case is no object of what the court did. 26:
/// a German sentence that opens with "Sie" and a singular verb continues
/// the last actor. 27: phrases that only look like events (`none = true`
/// triggers: "übernahm die Führung", "took over as chief executive"). 28:
/// datelines of several places ("PARIS/LONDON, … (Reuters) -") name no
/// government; "Courts" is an agency tail. 29: what a sanction halts
/// ("frozen all new trade and investment") is no event of its own. 30:
/// courts that strike down, annul, overturn or quash reject ("kippte",
/// "für nichtig erklärt"). 31: an authority that ends its sentence after
/// the speech verb is the speaker too. 32: a gerund after an approving
/// verb is the act approved ("approved removing South Korea from …").
/// 33: a trigger's own cue of several words ("called off … merger") does
/// not negate it; a name found by its shape inside a sentence names it
/// where it opens another ("Kroger, which is run by …"). 34: a court
/// qualified before "Court" keeps its seat ("Administrative Court in
/// Stockholm"); "the Chinese company" is a company named before; a
/// dateline with a date and a dash names no government; a name before ",
/// which" is the relative clause's subject; a decision's by-phrase acts in
/// the infinitive after it; a purpose infinitive after suing is the
/// plaintiff's; "bar", blacklists, and what is barred ("from supplying").
/// 35: a German court compound with its seat is one court, named in
/// English where compound and seat translate ("Regionalgericht in Brünn"
/// is the "Regional Court in Brno"); a listed city is the seat of a court
/// named only by what it is; "zum Tode verurteilt" coerces; 23 cities with
/// German names of their own. 36: rescues, guarantees and emergency loans
/// aid, and a `giver = true` noun's giver after "from" or a German genitive
/// gives to the subject; "der Bund" is the federal government; the Swiss
/// Federal Council is Switzerland's government; seven central banks. 37: a
/// name the document writes where no possessive can stand ends in "'s"
/// ("proceedings against Byju's,"). 38: a company's first two words before
/// its suffixes name it ("Glas Trust" of "Glas Trust Company"). 39:
/// reported speech's "would" is a future ("said his government would
/// appeal"); "Prozessfinanzierer" and "Hedgefonds" are appositions. 40:
/// "directed … to", "instructed … to" coerce. 41: "Management" ends a
/// company's name ("Eton Park Capital Management"). 42: a request stands
/// without an addressee ("forderte strukturelle Reformen", "called for");
/// the subject of a "for … to" infinitive acts in it. 43: names that are
/// also function words open a name after a lowercase word ("co-founder Do
/// Kwon", `surnames.function_homographs`). 44: a German headline's
/// closing participle is passive; "lieferte … aus" extradites, with an
/// object pronoun before the subject; a country before a person names
/// itself. 45: after a German "der" relative pronoun the antecedent acts;
/// separated guilty pleas, "zugegeben", financing aids; a perfect
/// zu-infinitive ("finanziert zu haben") takes the main clause's subject;
/// "vor einem Gericht" names no subject; armed groups; "Cement" ends a
/// company's name. 46: "Royal" before a country's body is part of its name
/// (`unqualified.body_prefixes_en`); Nassau is a place. 47: an English
/// headline's participle after its subject is passive; bail denied is
/// refused; "but has denied" shares the sentence subject. 48: "it" in a
/// reported wrong is whom the reporter told, or the company named before;
/// a charge noun's by-phrase lists every agent, and the subject that
/// resolves or faces it is its target (`nominal.accused_verbs_en`). 49:
/// 29 airlines and airline groups. 50: a German phrase with a gap that
/// ends in a participle in "t" closes its clause ("zu … Haft verurteilt").
/// 51: New York's federal prosecutors and courts named in German. 52:
/// offering remedies or concessions concedes. 53: a country's name after a
/// given name is a surname ("Lisa Monaco", "Thomas Jordan"), and so is
/// the word alone after it. 54: pleading not guilty and maintaining one's
/// innocence deny; "both men", "die beiden Konzerne" refer back to the
/// last two people, companies or countries named together. 55: more
/// company appositions ("trading house Itochu", "der Zementhersteller").
/// 56: "based in Laval, Quebec": a guessed name after "in" and before a
/// comma and a known place is a town. 57: a participle after a comma
/// ("withdrew the bid, accusing …") is a verb, and its object pronoun the
/// body named last before the comma. 58: competitors ("des Konkurrenten
/// Grupa Lotos") are company appositions. 59: a capital after a town and
/// a comma ("Redmond, Washington") is no government; US states' agency
/// abbreviations ("Cupertino, Calif."). 60: acronyms of lowercase words
/// ("environmental, social and governance (ESG)") are no names; "Americas"
/// is no "America". 61: settling charges, claims, lawsuits or
/// investigations is an agreement with the accuser, and states the
/// accusation. 62: a country's embassies and consulates are one body per
/// capital they sit in ("Russian Embassy in Paris"). 63: raids and searches
/// are coercion (seize); judges are courts; "placed … under formal
/// investigation"; "absurd" denies. 64: "identified X as responsible"
/// accuses X. 65: a lexicon name followed by a hyphenated district
/// ("Staatsanwaltschaft Seoul-Süd", "Berlin-Mitte") is not that name.
/// 66: custody taken ("took … into custody", "in Untersuchungshaft
/// genommen") is an arrest. 67: apologies concede; "der jede Verwicklung
/// zurückwies" denies; "auszuschließen" sanctions. 68: accusations and
/// threats whose active subject stands before the verb need no target. 69:
/// German zu-infinitives with "zu" inside the verb ("auszuschließen"). 70:
/// "founder of aluminium producer Rusal"; "Deutsche Bank's asset
/// management arm DWS Group". 71: more federal agencies of the United
/// States and Germany (EPA, FAA, Kraftfahrt-Bundesamt, …; "US-Justiz" is
/// the Justice Department). 72: a fronted "gegen" phrase names the target
/// ("Gegen Volkswagen ermittelt die Staatsanwaltschaft"); the commas of a
/// list stay inside a German passive clause. 73: "the 71-year-old", "den
/// 71-Jährigen" refer back to the last person; "die Braunschweiger
/// Behörde" to the last authority, one named with the place first. 74:
/// "at the request of X", "auf Ersuchen der X": X asks the act's agent and
/// is no party to the act. 75: the month "May" is no modal. 76: a denial
/// of "the allegations" is aimed at whoever made them. 77: "engaging
/// with", "in talks with" consult; "is in talks with" is no passive. 78:
/// a country's courts are no court named in another state's capital. 79:
/// special prosecutors' and investigating judges' titles; a German abstract
/// noun after a name is no surname ("wirft Lee Bestechung vor"); East Asian
/// surnames stand first ("Lee" after "Lee Jae Yong"). 80: a possessive
/// before an amount names a bid's bidder ("Broadcom Ltd's $117 billion
/// bid"), an amount or an offer's adjective makes the bid a noun, and
/// "its" may stand before them; a progressive is no passive ("was
/// considering a bid"); considering, preparing or pursuing a bid supports it.
/// 81: a German relative pronoun is the subject of its verb-final clause
/// when the clause names no other subject, when its owner's people act
/// ("deren Ermittler"), or when it stands for an authority before one name
/// that is none; "festnehmen ließ"; an age anaphor is not its own clause's
/// subject. 82: sports governing bodies (FIFA, UEFA, CONCACAF, WADA, DFB, …).
/// 83: a sum paid to settle charges is a penalty the accuser imposes ("will
/// pay $25 million to settle SEC charges"). 84: names listed each with its
/// sum are one list ("fined Google 4.3 billion euros and Apple 1.8 billion
/// euros"); "it" before a sum or a charge is the body named before.
/// 85: "oe"/"ae"/"ue" for an umlaut in a name's key ("Woehrmann" =
/// "Wöhrmann"); a bare "Treasury" in an article about Britain is HM Treasury.
/// 86: German titles with their case endings ("den früheren Präsidenten
/// Tsuyoshi Kikukawa"), "Berater"; "ließ … festnehmen" is an arrest.
/// 87: "Rajesh and Atul Gupta" are two Guptas; bare "Authorities" after a
/// dateline open the sentence.
/// 88: a company name of several words that a cue typed is a name wherever
/// it recurs ("Future Retail begrüßte"); "die Kartellbehörde" is the
/// competition body the article named.
/// 89: a wrong reported as "had illegally"/"acted unlawfully", and reported
/// by "held"/"entschied" ("the High Court ruled that Qantas had illegally
/// outsourced").
/// 90: "mit … belegt" is a sanction; "nahm sich … vor" an investigation; a
/// fronted German subordinate clause ("nachdem Didi …, leitete die CAC")
/// names no subject of the main verb.
/// 91: Slavic names fold their English and German transliterations
/// ("Nechayev"/"Netschajew"); a name after "a passport in the name of" is
/// the person's; "Berlin's Higher Regional Court" is Berlin's court; a
/// sentence-initial adverb before a clause is no name; "the Bank Secrecy
/// Act" holds no anaphor; a shouted dateline town is no company; "iRobot"
/// is a name.
/// 92: every name of several words folds its transliterations ("Zelimkhan
/// Khangoshvili"/"Selimchan Changoschwili"); an age after two names or a
/// German nationality noun before them makes a person; "-born" words are
/// adjectives; "a Georgian" is a person and "a Berlin park" no government.
/// 93: an English compound names the company or person a noun trigger is
/// aimed at before it ("Amazon abandons iRobot takeover"), and a company
/// subject buys.
/// 94: the object of a separable German reaction is looked for in its gap
/// ("eine Klage gegen den Bescheid zu prüfen" answers the decision's maker).
/// 95: an impersonal German "Man" opening reported speech is the company or
/// body that opened the sentence before ("Meta kündigte an, … Man teile
/// die Auffassung der Behörde nicht").
/// 96: a German compound's company before its hyphen is the noun's target
/// ("die Aixtron-Übernahme"), unless a company follows the noun.
/// 97: a title before "of the" names its body (", head of the Swedish
/// Security Service"); a title in a body's unit ("director of the FTC's
/// Bureau of Competition") leads the unit, which is part of the body;
/// ministers of eight more portfolios; a bare head of state's title leads
/// the country the article is about ("President Bola Tinubu").
/// 98: a surname several people share is the one named in full earlier in
/// its sentence, else the one named first, even where its shape alone made
/// it a company ("Guo, the former mayor").
/// 99: a US body's bare name ("the Department of Justice") is the local
/// body in a story about a state that names its ministries so, where the
/// story never names the US.
/// 100: bureaus of investigation, data protection agencies and a German
/// "Ermittlungsbüro" are the state's; a German body's genitive body is what
/// it is part of, and no object of its verb.
/// 101: an object pronoun before what it must do ("ordered it to stop",
/// "ordered it in December to delete") is the company named before; a
/// relative clause closed before the verb is not the verb's; a company's new
/// name after "rebranded as" is the company.
/// 102: "suspended its registration permits": a company's possession after
/// "its" makes the company named before the target.
/// 103: a body before its country's genitive or "of" is that country's
/// ("die Hohe Staatsanwaltschaft Taiwans", "the government of China"); a
/// body after "beim" is where a complaint is lodged, not who lodges it.
/// 104: abandoning a deal retreats from it and negates the acquisition;
/// opposing "the acquisition" or "den Deal" opposes the parties of the deal
/// reported before; a German genitive of a name the text uses alone ("Arms
/// Technologie") is no company; a body's noun right before its name is that
/// body ("die Wettbewerbsbehörde CMA"); a German description right before a
/// name found there is an apposition; "bei" is a venue except for requests;
/// "Qualcomm sowie die Technologiekonzerne Microsoft und Google" is one subject.
/// 105: a list item may follow a five-word description ("the OPCW and the
/// U.S. nuclear company Westinghouse").
/// 106: a country's name joined by a hyphen to a company noun ("dem
/// US-Konzern") refers back to the company named before.
/// 107: a passive joined by "and" to one before it shares its agent ("were
/// arrested by the FBI and charged"); a person's age and residence ("Lu
/// Jianwang, 61, of the Bronx,") do not break a list, and the residence is
/// a place; a decision's by-phrase acts under a verb of its own.
/// 108: "the social media company" mid-sentence refers back to the last
/// company (not "the rival company"), and a sentence-opening description
/// ends at a name or an article; acronyms count their small words ("IPOB")
/// and link one after another; "(IPOB), which" is the relative clause's
/// subject; a given name before a surname is no genitive ("Frances
/// Adamson").
/// 109: German compound company nouns after an article ("des
/// Traditionskonzerns", "dem Stahlkonzern") refer back to the last company
/// that is not their own sentence's subject; a found name after a
/// description is its apposition ("den Telekommunikationsanbieter 1&1").
/// 110: no company noun refers back to a stock exchange (`anaphora.markets`).
/// 111: bare "prosecutors"/"investigators" opening a clause are the police,
/// prosecutors or investigators named before; a noun in "-ing" before a
/// passive's auxiliary leaves it passive ("an office building, was opened").
/// 112: a mid-sentence description whose head other bodies share ("the
/// rights group", `anaphora.other_company_heads_en`) is no company.
/// 113: a list after the verb passes ages and residences too.
/// 114: a trigger phrase without a gap that reads on into the gap of a
/// phrase of another type at the same word wins ("called for" over "called
/// … a … terrorist").
/// 115: a role with whose it is before a comma ("the spokesman of the
/// ministry, NAME,"), "him as NAME", a title after a shape guess, a listed
/// surname that is a given name before another name, German hyphenated
/// company heads ("Lürssen-Gruppe") and mission nouns type names; a
/// country's genitive inside a body's name is a mention of its own.
/// 116: recalling an ambassador and withdrawing troops are events; the
/// name after a German "was" that stands for a clause is its subject.
/// 117: the genitive of a German accusation or criticism noun is who acts
/// (`nominal.subjective_genitive_de`), never whom it concerns.
/// 139–149: a verb coordinated inside a subordinate clause shares its
/// subject; anti-corruption agencies are a kind, an acronym after a body is
/// its name; a German apposition before the auxiliary names no argument and
/// a coordinated participle closes the clause; a German stop noun ends a
/// name; surname endings make a person; keys fold "Þ", "đ" and the like; a
/// German title types nothing across a comma; leaving an organisation and
/// granting asylum are events.
/// 150: a royal title that opens a name ("König Salman") is the title "der
/// König" refers back by.
/// 151: a place before an agency's head ("Texas Department of Public
/// Safety"); "New" after a lowercase word opens a name; a body's tail and
/// what it is for hold a conjunction and a law's tail; a listed name's first
/// word before another surname, and a capital that is a given name, leave
/// the name to the patterns; a town's prosecutors and police before, after
/// or as an adjective ("Oldenburg prosecutors", "Staatsanwaltschaft
/// Oldenburg", "Oldenburger Staatsanwaltschaft"), by the lexicon's name of
/// the town; two bodies one acronym introduces are one.
/// 152: "gegen" after a cause takes the target up again; an age anaphor in
/// a German infinitive's clause is not the main clause's subject; an
/// investigating judge is a title; a German subject listed with commas and
/// a conjunction acts whole.
/// 153: common surnames (`surnames.common`) make a person after a name no
/// list holds, inside German runs too; a German genitive of a surname two
/// people share is the one the bare surname names.
/// 154: a sentence that ends in a full stop after lowercase words is no
/// title-case headline; a capitalised word is no participle that takes a
/// by-phrase ("United"); "the bank" is a company whose name ends in "bank"
/// ("Swedbank").
/// 155: German "Sie" may be an organisation; halting imports is a sanction
/// on where they come from ("stoppen Fleischimporte aus Brasilien", "die
/// Einfuhr … ausgesetzt"), with `*suffix` pattern words for compounds.
/// 156: breaking a convention, a treaty, an agreement, sovereignty or
/// international law is a reported wrong; a coordinated reporter accuses
/// whole.
/// 157: "including" and "darunter" open a title, "damalige" and the like are
/// title words, so the title looks back for its company.
/// 158: a company officer's title finds its company through an anaphor.
pub const ANALYSIS: u32 = 158;

/// The version of the analysis stored in the database with the lexicon's
/// fingerprint: analyses made by another version, rules or lexicon are redone.
pub fn analyzer_version(lexicon: &Lexicon) -> String {
    format!(
        "newsgraph {} analysis {ANALYSIS} compact {} lexicon {}",
        env!("CARGO_PKG_VERSION"),
        compact::FORMAT,
        lexicon.fingerprint()
    )
}

/// Runs the analysis stages on one document.
pub fn analyze(doc: &Document, lexicon: &Lexicon) -> Analysis {
    let mut analysis = Analysis::default();
    let language = lang::detect(doc);
    analysis.lang = Some(language.lang);
    if let Some(note) = language.note {
        analysis.diagnostics.push(note);
    }
    analysis.sentences = sentences::split(&doc.text, doc.body_start, language.lang, lexicon);
    let found = entities::recognize(doc, language.lang, &analysis.sentences, lexicon);
    let found = resolve::within_document(doc, language.lang, &analysis.sentences, found, lexicon);
    analysis.events = events::extract(doc, language.lang, &analysis.sentences, &found, lexicon);
    analysis.relations = relations::extract(doc, language.lang, &analysis.sentences, &found, lexicon);
    analysis.entities = found.entities;
    analysis.mentions = found.mentions;
    analysis
}

/// Merges per-document analyses into the corpus graph: one node per
/// real-world entity, one event per real-world event.
pub fn assemble(docs: &[Document], analyses: &[Analysis], lexicon: &Lexicon) -> Graph {
    resolve::across_documents(docs, analyses, lexicon)
}

/// Reads `options.paths` and adds what is new or changed to `options.db`,
/// streaming: documents are read and analysed in parallel a batch at a time
/// and stored (with the compact result of their analysis) in one
/// transaction per batch; then the corpus graph is assembled from the stored
/// analyses and rewritten in one transaction. Memory holds a batch of texts
/// and the entity and event tables, never the corpus. Killed at any moment,
/// the database holds whole documents and the graph of the last finished
/// build; the next build goes on from there. `--rebuild` builds a new
/// database beside the old one and puts it in its place when done.
pub fn build(options: &BuildOptions, lexicon: &Lexicon) -> Result<BuildReport> {
    build_with_progress(options, lexicon, &mut |_| {})
}

/// [`build`], telling `progress` how far it is.
pub fn build_with_progress(
    options: &BuildOptions,
    lexicon: &Lexicon,
    progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<BuildReport> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.threads.unwrap_or(0))
        .build()
        .map_err(|e| Error::Invalid(format!("cannot start threads: {e}")))?;
    pool.install(|| build_in_pool(options, lexicon, progress))
}

fn build_in_pool(
    options: &BuildOptions,
    lexicon: &Lexicon,
    progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<BuildReport> {
    let mut report = BuildReport::default();
    let cancelled = || options.cancel.as_ref().is_some_and(|c| c.load(Ordering::Relaxed));
    // List first: a mistyped path must not leave an empty database behind.
    let listing = ingest::list(&options.paths);
    let mut skipped: Vec<(usize, Error)> = listing.errors;
    if listing.groups.is_empty() && !skipped.is_empty() {
        report.skipped = skipped.into_iter().map(|(_, e)| e).collect();
        return Ok(report);
    }
    progress(Progress::Listed { files: listing.n_files, bytes: listing.n_bytes });

    let target = if options.rebuild { rebuild_path(&options.db)? } else { options.db.clone() };
    let store = Store::open(&target)?;
    store.tune_for_build()?;
    let mut store = store;
    store.use_analyzer(&analyzer_version(lexicon))?;
    let started = std::time::Instant::now();
    let result = stream(&mut store, &listing.groups, options, lexicon, progress, &mut report, &mut skipped, &cancelled);
    report.timings.push(Timing {
        phase: "read, analyse, store",
        seconds: started.elapsed().as_secs_f64(),
        resident_mb: resident_megabytes(),
        step: false,
    });
    let started = std::time::Instant::now();
    skipped.sort_by_key(|(order, _)| *order);
    report.skipped = skipped.into_iter().map(|(_, e)| e).collect();
    if let Err(error) = result {
        drop(store);
        if options.rebuild {
            remove_database_files(&target);
        }
        return Err(error);
    }
    let counts = store.assemble(lexicon, &cancelled);
    let counts = match counts {
        Ok(counts) => counts,
        Err(error) => {
            drop(store);
            if options.rebuild {
                remove_database_files(&target);
            }
            return Err(error);
        }
    };
    report.n_documents = counts.n_documents;
    report.n_entities = counts.n_entities;
    report.n_events = counts.n_events;
    report.n_relations = counts.n_relations;
    report.n_mentions = counts.n_mentions;
    report.n_local_events = counts.n_local_events;
    report.n_rewritten = counts.n_rewritten;
    report.timings.push(Timing {
        phase: "assemble",
        seconds: started.elapsed().as_secs_f64(),
        resident_mb: resident_megabytes(),
        step: false,
    });
    report.timings.extend(counts.timings);
    store.end_build()?;
    drop(store);
    if options.rebuild {
        replace_database(&target, &options.db)?;
    }
    Ok(report)
}

/// Reads, analyses and stores the new and changed documents of `groups`, then
/// analyses again the stored documents whose analysis is missing.
#[allow(clippy::too_many_arguments)]
fn stream(
    store: &mut Store,
    groups: &[Vec<ingest::Listed>],
    options: &BuildOptions,
    lexicon: &Lexicon,
    progress: &mut (dyn FnMut(Progress) + Send),
    report: &mut BuildReport,
    skipped: &mut Vec<(usize, Error)>,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Result<()> {
    // Stored documents by id, with (the first 64 bits of) their SHA-256, and
    // the document (id hash) that has a content: the same article under
    // another name is not added twice. Compact, because it grows with the
    // corpus; 64 bits of SHA-256 do not collide among billions of documents.
    let mut known: HashMap<Box<str>, u64> = HashMap::new();
    let mut owner_of: HashMap<u64, u64> = HashMap::new();
    store.for_each_document_hash(|id, sha| {
        known.insert(id.into(), content_key(sha));
        owner_of.insert(content_key(sha), id_key(id));
    })?;
    let (files_done, bytes_done) = (AtomicUsize::new(0), AtomicU64::new(0));
    let writer_store = &mut *store;
    let interrupted = std::thread::scope(|scope| -> Result<bool> {
        let (sender, receiver) = std::sync::mpsc::sync_channel::<Vec<AnalyzedDocument>>(2);
        let store = writer_store;
        let writer = scope.spawn(move || -> Result<()> {
            for batch in receiver {
                store.write_analyzed(&batch, true)?;
            }
            Ok(())
        });
        let mut interrupted = false;
        let mut writer_failed = false;
        for batch in batches(groups) {
            if cancelled() {
                interrupted = true;
                break;
            }
            let read: Vec<ingest::Group> =
                batch.par_iter().map(|group| ingest::read_group(group, options.date.as_deref())).collect();
            let mut to_analyze = Vec::new();
            for (doc, errors) in read {
                skipped.extend(errors);
                let Some(doc) = doc else { continue };
                let (content, id) = (content_key(&doc.sha256), id_key(&doc.id));
                let same_content_elsewhere = owner_of.get(&content).is_some_and(|owner| *owner != id);
                if same_content_elsewhere || known.get(doc.id.as_str()) == Some(&content) {
                    report.unchanged += 1;
                    continue;
                }
                if let Some(old) = known.insert(doc.id.as_str().into(), content) {
                    owner_of.remove(&old);
                }
                owner_of.insert(content, id);
                report.added += 1;
                to_analyze.push(doc);
            }
            let analyzed: Vec<AnalyzedDocument> =
                to_analyze.into_par_iter().map(|doc| analyze_for_store(doc, lexicon)).collect();
            for item in &analyzed {
                for note in &item.diagnostics {
                    report.diagnostics.push((item.doc.id.clone(), note.clone()));
                }
            }
            if sender.send(analyzed).is_err() {
                writer_failed = true;
                break;
            }
            let files = files_done.fetch_add(batch.iter().map(|g| g.len()).sum(), Ordering::Relaxed);
            let bytes = bytes_done.fetch_add(batch.iter().flatten().map(|l| l.len).sum(), Ordering::Relaxed);
            progress(Progress::Read {
                files: files + batch.iter().map(|g| g.len()).sum::<usize>(),
                bytes: bytes + batch.iter().flatten().map(|l| l.len).sum::<u64>(),
            });
        }
        drop(sender);
        let written = writer.join().unwrap_or_else(|_| Err(Error::Invalid("the database writer stopped".into())));
        written?;
        if writer_failed {
            return Err(Error::Invalid("the database writer stopped".into()));
        }
        Ok(interrupted)
    })?;
    if interrupted {
        return Err(Error::Interrupted {
            message: format!("{} documents stored; run the build again to go on", report.added),
        });
    }

    // Stored documents without an analysis (made by another version or lexicon).
    let missing = store.unanalyzed()?;
    for (n, ids) in missing.chunks(BATCH_FILES).enumerate() {
        if cancelled() {
            return Err(Error::Interrupted { message: "stopped while analysing stored documents again".into() });
        }
        let docs = store.load_documents_by_id(ids)?;
        let analyzed: Vec<AnalyzedDocument> = docs.into_par_iter().map(|doc| analyze_for_store(doc, lexicon)).collect();
        store.write_analyzed(&analyzed, false)?;
        progress(Progress::Reanalyzed { done: (n * BATCH_FILES + ids.len()).min(missing.len()), total: missing.len() });
    }
    progress(Progress::Assembling);
    Ok(())
}

/// The timings of a build as a table, a line per phase, steps indented:
/// seconds and resident memory at the end.
pub fn format_timings(timings: &[Timing]) -> String {
    let mut out = String::new();
    for t in timings {
        let indent = if t.step { "    " } else { "  " };
        let name = format!("{indent}{}", t.phase);
        let memory = t.resident_mb.map(|mb| format!(", {mb:5.0} MB resident")).unwrap_or_default();
        out.push_str(&format!("{name:<32} {:7.2} s{memory}\n", t.seconds));
    }
    out
}

/// The first 64 bits of a hex SHA-256.
fn content_key(sha256: &str) -> u64 {
    sha256.get(..16).and_then(|hex| u64::from_str_radix(hex, 16).ok()).unwrap_or(0)
}

/// A 64-bit hash of a document id.
fn id_key(id: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::hash::DefaultHasher::new();
    id.hash(&mut hasher);
    hasher.finish()
}

/// Groups of files in id order, cut into batches of about [`BATCH_FILES`]
/// files or [`BATCH_BYTES`] bytes.
fn batches(groups: &[Vec<ingest::Listed>]) -> impl Iterator<Item = &[Vec<ingest::Listed>]> {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= groups.len() {
            return None;
        }
        let mut end = start;
        let mut bytes = 0;
        while end < groups.len() && end - start < BATCH_FILES && bytes < BATCH_BYTES {
            bytes += groups[end].iter().map(|l| l.len).sum::<u64>();
            end += 1;
        }
        let batch = &groups[start..end];
        start = end;
        Some(batch)
    })
}

/// Analyses one document and turns the result into what the store keeps.
fn analyze_for_store(doc: Document, lexicon: &Lexicon) -> AnalyzedDocument {
    let analysis = analyze(&doc, lexicon);
    let compact = Compact::new(&doc, &analysis).encode();
    AnalyzedDocument {
        lang: analysis.lang,
        sentences: analysis.sentences,
        compact,
        diagnostics: analysis.diagnostics,
        doc,
    }
}

/// Where `--rebuild` builds the new database: beside the old one, which
/// must be a newsgraph database (or absent) and stays as it is until the new
/// one is complete.
fn rebuild_path(db: &Path) -> Result<PathBuf> {
    if db.exists() {
        // Refuses (and leaves untouched) a file that is not a newsgraph database.
        drop(Store::open_read_only(db)?);
    }
    let target = store::sibling(db, ".rebuild");
    remove_database_files(&target);
    Ok(target)
}

/// Puts the finished rebuild in the place of the old database (a rename, so
/// that a reader sees one or the other).
fn replace_database(built: &Path, db: &Path) -> Result<()> {
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(store::sibling(db, suffix));
    }
    std::fs::rename(built, db).map_err(|source| Error::Io { path: db.to_path_buf(), source })
}
