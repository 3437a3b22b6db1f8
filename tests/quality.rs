//! End-to-end quality on the seed corpus and on the held-out passages in
//! `tests/heldout/`: the whole pipeline, run through the library as a user
//! would, scored with `newsgraph::eval` (which agrees with score.py). These
//! fail when a change makes extraction worse than the targets of the issues.

use newsgraph::eval::{evaluate, Gold, Report};
use newsgraph::model::Graph;
use newsgraph::{ingest, pipeline, Lexicon};
use std::path::{Path, PathBuf};

fn graph_of(dir: &str) -> Graph {
    // Relative to the package (cargo runs tests there), so that document
    // paths in the snapshots do not depend on where the clone lives.
    let (docs, errors) = ingest::collect(&[PathBuf::from(dir)], None);
    assert!(errors.is_empty(), "{errors:?}");
    let lexicon = Lexicon::builtin().expect("lexicon");
    let analyses: Vec<_> = docs.iter().map(|d| pipeline::analyze(d, &lexicon)).collect();
    pipeline::assemble(&docs, &analyses, &lexicon)
}

fn report(dir: &str, gold: PathBuf) -> Option<Report> {
    if !gold.exists() {
        eprintln!("skipped: {} is not there", gold.display());
        return None;
    }
    let gold = Gold::load(&gold).expect("gold parses");
    let report = evaluate(&gold, &graph_of(dir));
    eprintln!("{}", report.render_text());
    Some(report)
}

#[test]
fn seeds_meet_the_targets() {
    let gold = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/gold/seeds.json");
    let Some(r) = report("seeds", gold) else { return };
    assert!(r.entities.score.recall >= 0.95, "entity recall {}", r.entities.score.recall);
    assert!(r.entities.score.precision >= 0.90, "entity precision {}", r.entities.score.precision);
    assert!(r.entities.fragmented.is_empty(), "fragmented: {:?}", r.entities.fragmented);
    assert!(r.entities.conflated.is_empty(), "conflated: {:?}", r.entities.conflated);
    assert!(r.events.score.recall >= 0.85, "event recall {}", r.events.score.recall);
    assert!(r.events.mode.mode_accuracy.unwrap_or(0.0) >= 0.8, "mode accuracy {:?}", r.events.mode.mode_accuracy);
    assert!(r.relations.score.recall >= 0.80, "relation recall {}", r.relations.score.recall);
}

/// The test set in `dir` (with its `gold.json`) scores at least these
/// floors: entity F1, event recall, relation recall. (The relation floors
/// were raised across the sets in the round that read roles stated away
/// from the name, to a few points below what each set then scored; the
/// numbers in the comments below are those of their own time.)
fn stays_above(dir: &str, entity_f1: f64, event_recall: f64, relation_recall: f64) {
    let gold = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir).join("gold.json");
    let r = report(dir, gold).unwrap_or_else(|| panic!("{dir}: its gold is in the repository"));
    assert!(r.entities.score.f1 >= entity_f1, "{dir}: entity F1 {}", r.entities.score.f1);
    assert!(r.events.score.recall >= event_recall, "{dir}: event recall {}", r.events.score.recall);
    assert!(r.relations.score.recall >= relation_recall, "{dir}: relation recall {}", r.relations.score.recall);
}

#[test]
fn heldout_passages_stay_good() {
    stays_above("tests/heldout", 0.85, 0.70, 0.60);
}

/// The seed graph exported as JSON and DOT, compared with the committed
/// snapshots; `UPDATE_EXPECT=1 cargo test --test quality` refreshes them
/// after an intended change.
#[test]
fn seed_exports_match_snapshots() {
    let graph = graph_of("seeds");
    let json = newsgraph::export::json::to_json(&graph).expect("json");
    let dot = newsgraph::export::dot::to_dot(&graph, &Default::default());
    for (name, actual) in [("seeds.json", json), ("seeds.dot", dot)] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name);
        if std::env::var_os("UPDATE_EXPECT").is_some() {
            std::fs::write(&path, &actual).expect("write snapshot");
            continue;
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(expected == actual, "{} differs from the seed export (UPDATE_EXPECT=1 refreshes it)", path.display());
    }
}

/// Issue 4's worked example on the real seeds: Jack Ma is connected to the
/// Office of Intelligence and Security through Alibaba, and every hop carries
/// the sentence that states it.
#[test]
fn seed_path_from_jack_ma_to_the_office_of_intelligence_and_security() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("seeds.db");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    assert_cmd::Command::cargo_bin("newsgraph")
        .unwrap()
        .args(["build", "--quiet", "--db"])
        .arg(&db)
        .arg(root.join("seeds"))
        .assert()
        .success();
    let out = assert_cmd::Command::cargo_bin("newsgraph")
        .unwrap()
        .args(["path", "Jack Ma", "Office of Intelligence and Security", "--json", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let path: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(path["connected"], true);
    let hops = path["hops"].as_array().unwrap();
    assert!((1..=3).contains(&hops.len()), "{path:#}");
    assert_eq!(hops[0]["from"]["name"], "Jack Ma");
    assert_eq!(hops.last().unwrap()["to"]["name"], "Office of Intelligence and Security");
    assert!(
        hops.iter().any(|h| h["to"]["name"] == "Alibaba Group" || h["from"]["name"] == "Alibaba Group"),
        "{path:#}"
    );
    for hop in hops {
        let evidence = hop["link"]["evidence"]["text"].as_str().unwrap_or_default();
        assert!(!evidence.is_empty(), "hop without evidence: {hop:#}");
    }
}

/// Ten articles and their gold written by an annotator who never saw the
/// rules (`tests/blind/`). Before any tuning on them: entity F1 0.89, event
/// recall 0.47, relation recall 0.36. They have since guided general fixes,
/// so they are no longer blind; the floor keeps those gains.
#[test]
fn blind_articles_stay_good() {
    stays_above("tests/blind", 0.90, 0.70, 0.80);
}

/// Eight more articles by a second annotator (`tests/blind2/`). Before any
/// tuning on them: entity F1 0.88, event recall 0.44, relation recall 0.57.
/// Since then they have guided general fixes too; the floor keeps the gains.
#[test]
fn second_blind_articles_stay_good() {
    stays_above("tests/blind2", 0.90, 0.64, 0.75);
}

/// Eight articles by a third annotator (`tests/blind3/`), written on the
/// last day of rules work and measured once before any tuning on them:
/// entity P 0.97 R 0.93 (F1 0.95), event recall 0.50, relation recall 0.40,
/// 5 fragmented entities. Since then they have guided general fixes
/// (event recall 0.81); the floor keeps the gains.
#[test]
fn third_blind_articles_stay_good() {
    stays_above("tests/blind3", 0.94, 0.76, 0.62);
}

/// Eight articles by a fourth annotator (`tests/blind4/`: the CMA and
/// Microsoft's Activision takeover, Germany's veto of the Elmos fab sale,
/// the DOJ's ad-tech suit against Google, China's gallium curbs, BaFin and
/// N26, China's answer to US tariffs), measured once when they arrived,
/// before anyone looked at what they get wrong: entity P 0.94 R 0.87 (F1
/// 0.91), event recall 0.41, relation recall 0.42, 2 fragmented. When
/// `blind5` arrived they became a tuning set (entity F1 0.93, event recall
/// 0.65, relation recall 0.45, none fragmented); the floor keeps the gains.
#[test]
fn fourth_blind_articles_stay_good() {
    stays_above("tests/blind4", 0.92, 0.65, 0.48);
}

/// Eight articles by a fifth annotator (`tests/blind5/`: Biden's veto of
/// Nippon Steel's purchase of U.S. Steel and the suit that followed, the
/// British and American case against China's APT31, each in English and
/// German; Binance's guilty plea, the Dutch data regulator's fine on Uber,
/// UniCredit's stake in Commerzbank, India's fine on Meta over WhatsApp),
/// measured once when they arrived, before anyone looked at what they get
/// wrong: entity P 0.88 R 0.86 (F1 0.87), event recall 0.50, relation
/// recall 0.41, 3 fragmented, 1 conflated. When `blind6` arrived they became
/// a tuning set (entity F1 0.89, event recall 0.61, relation recall 0.41,
/// none fragmented); the floor keeps the gains.
#[test]
fn fifth_blind_articles_stay_good() {
    stays_above("tests/blind5", 0.88, 0.59, 0.47);
}

/// Eight articles by a sixth annotator (`tests/blind6/`: the Commission's
/// first Digital Markets Act fines on Apple and Meta and Spain's veto of
/// Ganz-MaVag's bid for Talgo, each in English and German; the Treasury's
/// sanctions over Salt Typhoon, Italy's Garante and DeepSeek, the
/// Bundeskartellamt and Amazon's price controls, China's wanted list of NSA
/// agents), measured once when they arrived, before anyone looked at what
/// they get wrong: entity P 0.90 R 0.84 (F1 0.87), event recall 0.38,
/// relation recall 0.24, none fragmented, 1 conflated. When `blind7` arrived
/// they became a tuning set (entity P 0.98 R 0.89, F1 0.93, event recall
/// 0.57, relation recall 0.27); the floor keeps the gains.
#[test]
fn sixth_blind_articles_stay_good() {
    stays_above("tests/blind6", 0.92, 0.55, 0.50);
}

/// Eight articles by a seventh annotator (`tests/blind7/`: the Dutch seizure
/// of Nexperia and the TikTok divest-or-ban law, each in English and German;
/// the Treasury's sanctions on a Chinese teapot refinery over Iranian oil,
/// Canada's order against Hikvision, the Commission's DSA finding against
/// Temu, the CNIL's fines on Google and Shein), measured once when they
/// arrived, with code not tuned on them: entity P 0.95 R 0.92 (F1 0.94),
/// event recall 0.40, relation recall 0.40, 1 fragmented, none conflated.
/// After the rules found on `blind6` the same round: entity R 0.93, event
/// recall 0.43. When `blind8` arrived they became a tuning set (entity P
/// 0.97 R 0.96, F1 0.96, event recall 0.46, relation recall 0.40), and
/// once more until `blind9` arrived (event recall 0.65); the floor keeps
/// the gains.
#[test]
fn seventh_blind_articles_stay_good() {
    stays_above("tests/blind7", 0.95, 0.62, 0.58);
}

/// Eight articles by an eighth annotator (`tests/blind8/`: Brazil's
/// suspension of X and Poland's fines on Gazprom and its Nord Stream 2
/// financiers, each in English and German; India's arrests in the Vivo
/// money-laundering case, Turkey's Instagram block, Hamburg's data
/// protection fine on H&M, the Commission's veto of Siemens and Alstom),
/// measured once when they arrived, with code not tuned on them: entity P
/// 0.90 R 0.82 (F1 0.86), event recall 0.26, relation recall 0.28, 2
/// fragmented, 1 conflated. When `blind9` arrived they became a tuning set:
/// entity P 0.95 R 0.94 (F1 0.94), event recall 0.49, relation recall 0.44.
/// The floor keeps the gains.
#[test]
fn eighth_blind_articles_stay_good() {
    stays_above("tests/blind8", 0.92, 0.46, 0.52);
}

/// Eight articles by a ninth annotator (`tests/blind9/`: the WhatsApp
/// verdict against NSO Group and the Eagle S cable case in Finland, each in
/// English and German; the EU's WTO case against China over Lithuania, the
/// EU court's Illumina/Grail ruling, the Dresden espionage verdict against
/// a former aide of Maximilian Krah, the London verdict on Jan Marsalek's
/// spy ring), measured once when they arrived, with code not tuned on them:
/// entity P 0.89 R 0.78 (F1 0.83), event recall 0.25, relation recall 0.27,
/// 1 fragmented, none conflated. (With the rules written from `blind7`
/// before it arrived: event recall 0.27.) When `blind10` arrived they became
/// a tuning set: entity P 0.94 R 0.93 (F1 0.93), event recall 0.36,
/// relation recall 0.36. The floor keeps the gains.
#[test]
fn ninth_blind_articles_stay_good() {
    stays_above("tests/blind9", 0.91, 0.34, 0.50);
}

/// Eight articles by a tenth annotator (`tests/blind10/`: the EU Court of
/// Justice's rulings on Apple's Irish taxes and Google Shopping, and
/// Germany's attribution of the hack of its mapping agency (BKG) to China,
/// each in English and German; the Japan Fair Trade Commission's order
/// against Google, India's seizure of Xiaomi's funds, Russia's temporary
/// management of Danone's and Carlsberg's Russian units, the Commission's
/// approval of Korean Air's takeover of Asiana), measured once when they
/// arrived, with code not tuned on them: entity P 0.97 R 0.86 (F1 0.91),
/// event recall 0.49, relation recall 0.30, 2 fragmented, none conflated.
/// When `blind11` arrived they became a tuning set; the rules on roles
/// stated away from the name and on companies named after their parent
/// raised relations to 0.50 and entity recall to 0.88. The floor keeps it.
#[test]
fn tenth_blind_articles_stay_good() {
    stays_above("tests/blind10", 0.92, 0.60, 0.50);
}

/// Eight articles by an eleventh annotator (`tests/blind11/`: Brazil's
/// charges against Vale and TÜV SÜD over the Brumadinho dam, and the Swiss
/// Federal Criminal Court's conviction of Credit Suisse, each in English and
/// German; the Korea Fair Trade Commission's fine on Google, a Nigerian
/// tribunal upholding the FCCPC's fine on Meta, Czechia's attribution of
/// the Vrbětice blasts to the GRU, FinCEN's orders against three Mexican
/// financial institutions), measured once when they arrived, with code not
/// tuned on them (the round's first rule, on ministers, was in): entity P
/// 0.94 R 0.85 (F1 0.89), event recall 0.39, relation recall 0.38, 4
/// fragmented, none conflated. The rules written from the other sets in
/// the same round (roles away from the name, subsidiaries named after
/// their parent, the lexicon's dated offices) raised its relation recall
/// to 0.51 without looking at it. When `blind12` arrived it became a
/// tuning set: local prosecutors, expelled diplomats, appeals, short forms
/// of Swiss bodies and listed employees raised it to entity R 0.92, events
/// 0.55, relations 0.59.
#[test]
fn eleventh_blind_articles_stay_good() {
    stays_above("tests/blind11", 0.92, 0.50, 0.56);
}

/// Eight articles by a twelfth annotator (`tests/blind12/`: the US charges
/// against Gautam Adani and Kenya's cancellation of the Adani deals, and
/// Gazprom's halt of gas to OMV after an arbitration award, each in English
/// and German; Westpac's AUSTRAC penalty, a Malian court placing Barrick's
/// Loulo-Gounkoto mine under administration, the Swiss Attorney General's
/// conviction of Glencore, the Commission's foreign-subsidies probe of
/// ADNOC's bid for Covestro), measured once when they arrived, with code
/// not tuned on them (this round's court anaphors and voiced concerns were
/// in): entity P 0.94 R 0.79 (F1 0.86), event recall 0.46, relation recall
/// 0.55, 3 fragmented, none conflated. When `blind13` arrived it became a
/// tuning set: lexicon entries for the bodies it missed, penalties paid,
/// described bodies, supply cuts and German "sie" raised it to entity P
/// 0.99 R 0.96, event recall 0.61, relation recall 0.71.
#[test]
fn twelfth_blind_articles_stay_good() {
    stays_above("tests/blind12", 0.95, 0.57, 0.68);
}

/// Eight articles by a thirteenth annotator (`tests/blind13/`: a Czech
/// court blocking and a higher court clearing the Dukovany reactor deal
/// with KHNP, and Serbia reinstating Rio Tinto's Jadar lithium project,
/// each in English and German; Norway blocking the sale of Bergen Engines
/// to TMH, Panama's Supreme Court striking down First Quantum's Cobre
/// Panamá contract, Georgia's Anaklia port award to a Chinese consortium,
/// Indonesia keeping its iPhone 16 ban), measured once when they arrived,
/// with code not tuned on them (this round's first rules, on names no
/// lexicon holds, were in): entity P 0.89 R 0.81, event recall 0.21,
/// relation recall 0.32, 1 fragmented, 2 conflated (F1 0.85). When
/// `blind14` arrived it became a tuning set: generic courts, sales,
/// product models and court annulments raised it to entity P 0.92 R 0.85,
/// event recall 0.41.
#[test]
fn thirteenth_blind_articles_stay_good() {
    stays_above("tests/blind13", 0.86, 0.38, 0.30);
}

/// Eight articles by a fourteenth annotator (`tests/blind14/`: Airbus's
/// bribery settlements with France, Britain and the United States, and
/// Japan dropping South Korea from its export white list, each in English
/// and German; the end of the Kroger–Albertsons merger, Saudi Arabia
/// expelling Canada's ambassador, the arrest of Wirecard's former chief
/// executive, the EU Court of Justice's daily fine on Poland over the Turów
/// mine), measured once when they arrived, with code not tuned on them
/// (this round's first rules, on described bodies and supply cuts, were
/// in; they changed nothing here): entity P 0.98 R 0.86 (F1 0.92), event
/// recall 0.29, relation recall 0.52, 2 fragmented, none conflated. When
/// `blind15` arrived it became a tuning set: persons named after a role,
/// penalties paid to several states, white lists, German passives and
/// zu-infinitives raised it to entity P 0.98 R 0.93, event recall 0.46,
/// relation recall 0.55, 1 fragmented.
#[test]
fn fourteenth_blind_articles_stay_good() {
    stays_above("tests/blind14", 0.94, 0.43, 0.52);
}

/// Eight articles by a fifteenth annotator (`tests/blind15/`: UBS taking
/// over Credit Suisse with the write-off of its AT1 bonds, and a New York
/// judge ordering Argentina to hand over its YPF stake, each in English and
/// German; India's Supreme Court staying the end of Byju's insolvency case,
/// a Stockholm court upholding Sweden's 5G ban on Huawei and ZTE, a
/// Vietnamese appeals court upholding Truong My Lan's death sentence,
/// Uniper's arbitration award against Gazprom Export), measured once when
/// they arrived, with code not tuned on them: entity P 0.89 R 0.81 (F1
/// 0.85), event recall 0.31, relation recall 0.48, 3 fragmented, 1
/// conflated. When `blind16` arrived it became a tuning set: courts named
/// with their seat (in German too, and in English where both translate),
/// rescues and loans with their giver, "der Bund", names that end in "'s"
/// and two-word company short forms raised it to entity P 0.91 R 0.87,
/// event recall 0.46, relation recall 0.52, 1 fragmented, none conflated.
#[test]
fn fifteenth_blind_articles_stay_good() {
    stays_above("tests/blind15", 0.86, 0.42, 0.48);
}

/// Eight articles by a sixteenth annotator (`tests/blind16/`: Montenegro
/// extraditing Do Kwon to the United States, and the European Commission
/// clearing Lufthansa's stake in ITA Airways, each in English and German;
/// the Bahamas arresting Sam Bankman-Fried, Ericsson pleading guilty for
/// breaching its deferred prosecution agreement, a Bonn court sentencing
/// the Cum-Ex lawyer Hanno Berger, Lafarge pleading guilty to funding
/// Islamic State), measured once when they arrived, with code not tuned on
/// them: entity P 0.90 R 0.86 (F1 0.88), event recall 0.40, relation
/// recall 0.44, none fragmented or conflated. When `blind17` arrived it
/// became a tuning set: Korean and Vietnamese names that are also English
/// words, extraditions and headline participles in both languages, German
/// relative "der", reported wrongs done by "it", charges resolved by the
/// subject, airlines and New York's federal bodies in German raised it to
/// entity P 0.91 R 0.91, event recall 0.62, relation recall 0.56.
#[test]
fn sixteenth_blind_articles_stay_good() {
    stays_above("tests/blind16", 0.89, 0.58, 0.52);
}

/// Eight articles by a seventeenth annotator (`tests/blind17/`: Carlos
/// Ghosn's escape from Japan through Turkey to Lebanon, and Nigeria's case
/// against Binance and its executive Tigran Gambaryan, each in English and
/// German; Couche-Tard withdrawing its bid for Seven & i, Australia
/// blocking CSCEC's purchase of Probuild, India banning TikTok and 58 other
/// Chinese apps, Orlen selling Lotos assets to Saudi Aramco, MOL and Unimot),
/// measured once when they arrived, with code not tuned on them: entity P
/// 0.97 R 0.91 (F1 0.94), event recall 0.42, relation recall 0.52, 2
/// fragmented, none conflated. When `blind18` arrived it became a tuning
/// set: surnames that are countries' names, pleas of not guilty, pairs
/// ("both men"), participles after a comma and more company appositions
/// raised it to entity P 0.97 R 0.94, event recall 0.48, relation recall
/// 0.52.
#[test]
fn seventeenth_blind_articles_stay_good() {
    stays_above("tests/blind17", 0.93, 0.44, 0.48);
}

/// Eight articles by an eighteenth annotator (`tests/blind18/`: French
/// judges charging Telegram's founder Pavel Durov, and DWS settling the
/// SEC's greenwashing and money-laundering charges, each in English and
/// German; Britain freezing Roman Abramovich's assets, Australia's first
/// cyber sanctions on the Medibank hacker, the arrest of Kakao's founder,
/// Odebrecht and Braskem pleading guilty in the United States, Brazil and
/// Switzerland), measured once when they arrived, with code not tuned on
/// them: entity P 0.95 R 0.88 (F1 0.91), event recall 0.39, relation
/// recall 0.47, 4 fragmented, 2 conflated. The rules written from
/// `blind17` since moved its entity recall to 0.89 and left its events and
/// relations where they were. When `blind19` arrived it became a tuning set:
/// settlements, embassies by their seat, raids as coercion, targetless
/// accusations, hyphenated districts, fused German zu-infinitives and roles
/// across a company's description raised it to entity P 0.97 R 0.90, event
/// recall 0.49, relation recall 0.53.
#[test]
fn eighteenth_blind_articles_stay_good() {
    stays_above("tests/blind18", 0.91, 0.45, 0.49);
}

/// Eight articles by a nineteenth annotator (`tests/blind19/`: Swiss police
/// arresting FIFA officials at the United States' request, and the blocked
/// Chinese takeover of Aixtron, each in English and German; Trump blocking
/// Broadcom's bid for Qualcomm, Nigeria's fine on MTN, the arrest of
/// Samsung's heir Lee Jae-yong, the charges against Martin Winterkorn),
/// measured once when they arrived, with code not tuned on them: entity P
/// 0.89 R 0.85 (F1 0.87), event recall 0.43, relation recall 0.48, 2
/// fragmented, 1 conflated. The rules written from `blind18` since left it
/// where it was. It became a tuning set when `blind20` arrived; the rules
/// written from it (anaphors by age, "at the request of", German relative
/// clauses, East Asian surnames, sports bodies, bids after a possessive)
/// brought it to entity P 0.91 R 0.92, event recall 0.57, relation recall
/// 0.57.
#[test]
fn nineteenth_blind_articles_stay_good() {
    stays_above("tests/blind19", 0.88, 0.52, 0.52);
}

/// Eight articles by a twentieth annotator (`tests/blind20/`: China's fine
/// on Didi, and Rolls-Royce's bribery settlements in Britain, the United
/// States and Brazil, each in English and German; the arrest of the Gupta
/// brothers in the UAE, Qantas's "ghost flights" penalty, the arrest of
/// Olympus's former chief, India's competition regulator suspending
/// Amazon's deal with Future), first measured with code not tuned on them:
/// entity P 0.98 R 0.88 (F1 0.93), event recall 0.45, relation recall 0.41,
/// 1 fragmented, 1 conflated. Since `blind21` came it is a tuning set: the
/// rules written from it raised it to P 0.99 R 0.90, events 0.56.
#[test]
fn twentieth_blind_articles_stay_good() {
    stays_above("tests/blind20", 0.92, 0.52, 0.38);
}

/// Eight articles by a twenty-first annotator (`tests/blind21/`: SAP's
/// bribery settlement with US authorities, and Russia expelling German
/// diplomats after the Tiergarten murder verdict, each in English and
/// German; Amazon abandoning iRobot, TD Bank's guilty plea, the EU's AdBlue
/// cartel fine on Volkswagen and BMW, Russia putting BSH's and Ariston's
/// units under temporary management), measured once when they arrived,
/// with code not tuned on them: entity P 0.95 R 0.88 (F1 0.91), event recall
/// 0.60, relation recall 0.41, 6 fragmented, 1 conflated. Since `blind22`
/// came it is a tuning set.
#[test]
fn twenty_first_blind_articles_stay_good() {
    stays_above("tests/blind21", 0.88, 0.56, 0.37);
}

/// Eight articles by a twenty-second annotator (`tests/blind22/`: Italy's
/// golden-power review of Sinochem's stake in Pirelli, and China clearing
/// the Codelco–SQM lithium venture over Tianqi's objections, each in English
/// and German; Indonesia arresting Alice Guo, Kenya's High Court ordering
/// Worldcoin to delete biometric data, a Russian court upholding Rasperia's
/// damages award against Raiffeisen, Taiwan indicting Tokyo Electron in the
/// TSMC trade-secrets case), measured once when they arrived, with code not
/// tuned on them: entity P 0.96 R 0.84 (F1 0.90), event recall 0.38,
/// relation recall 0.50, 1 fragmented, 0 conflated. Since `blind23` came it
/// is a tuning set.
#[test]
fn twenty_second_blind_articles_stay_good() {
    stays_above("tests/blind22", 0.87, 0.35, 0.46);
}

/// Eight articles by a twenty-third annotator (`tests/blind23/`: Goldman
/// Sachs settling the 1MDB bribery case, and Nvidia abandoning its purchase
/// of Arm, each in English and German; the FBI's arrests over a secret
/// Chinese police station in New York, the Dutch expelling GRU officers over
/// the OPCW hack, Germany putting Rosneft's German units under trusteeship,
/// the EU Court of Justice backing the Bundeskartellamt against Meta),
/// measured once when they arrived, with code not tuned on them (6a326a3):
/// entity P 0.93 R 0.94 (F1 0.94), event recall 0.49, relation recall 0.47,
/// 1 fragmented, 1 conflated. Since `blind24` came it is a tuning set.
#[test]
fn twenty_third_blind_articles_stay_good() {
    stays_above("tests/blind23", 0.90, 0.45, 0.43);
}

/// Eight articles by a twenty-fourth annotator (`tests/blind24/`: Germany
/// finding Novichok in Alexei Navalny, and the European Commission blocking
/// the Thyssenkrupp–Tata Steel venture, each in English and German; Belarus
/// forcing down a Ryanair flight to arrest Roman Protasevich, Nigeria
/// suspending Twitter, Erdogan calling the jailed reporter Deniz Yücel a
/// German agent, China's duties on Australian barley), measured once when
/// they arrived, with code not tuned on them (7855626): entity P 0.96 R
/// 0.90 (F1 0.93), event recall 0.57, relation recall 0.60, 0 fragmented,
/// 0 conflated. Since `blind25` came it is a tuning set.
#[test]
fn twenty_fourth_blind_articles_stay_good() {
    stays_above("tests/blind24", 0.89, 0.53, 0.56);
}

/// Eight articles by a twenty-fifth annotator (`tests/blind25/`: the US
/// clearing Bayer's takeover of Monsanto, and Canada expelling an Indian
/// diplomat, each in English and German; a Pakistani court ordering Imran
/// Khan's release, Peru's Pedro Castillo ousted and arrested, Mali expelling
/// the French ambassador, the German government stopping arms exports to
/// Saudi Arabia), measured once when they arrived, with code not tuned on
/// them (78785d6): entity P 0.94 R 0.89 (F1 0.91), event recall 0.57,
/// relation recall 0.45, 1 fragmented, 0 conflated. Since `blind26` came it
/// is a tuning set.
#[test]
fn twenty_fifth_blind_articles_stay_good() {
    stays_above("tests/blind25", 0.89, 0.53, 0.41);
}

/// Eight articles by a twenty-sixth annotator (`tests/blind26/`: China
/// sanctioning EU lawmakers and MERICS over Xinjiang, and Danske Bank
/// pleading guilty over its Estonian branch, each in English and German; US
/// sanctions on two Turkish ministers over a detained pastor, Telenor's sale
/// of its Myanmar unit, Sri Lanka handing Hambantota port to a Chinese
/// company, Midea buying Kuka), measured once when they arrived, with code
/// not tuned on them (8a76a79): entity P 0.91 R 0.92 (F1 0.91), event recall
/// 0.30, relation recall 0.39, 1 fragmented, 0 conflated. Since `blind27`
/// came it is a tuning set.
#[test]
fn twenty_sixth_blind_articles_stay_good() {
    stays_above("tests/blind26", 0.90, 0.27, 0.36);
}

/// Eight articles by a twenty-seventh annotator (`tests/blind27/`: Zambia
/// putting Vedanta's Konkola Copper Mines into liquidation, and Mexico
/// shutting Vulcan Materials' Calica quarry, each in English and German; the
/// Philippine SEC revoking Rappler's registration, Ukraine detaining Ihor
/// Kolomoisky, the Bergin inquiry finding Crown Resorts unfit for its Sydney
/// licence, the Gulf states cutting ties with Qatar), measured once when they
/// arrived, with code not tuned on them (ad83e65): entity P 0.92 R 0.86 (F1
/// 0.89), event recall 0.46, relation recall 0.38, 2 fragmented, 3
/// conflated. Since `blind28` came it is a tuning set.
#[test]
fn twenty_seventh_blind_articles_stay_good() {
    stays_above("tests/blind27", 0.87, 0.43, 0.35);
}

/// Eight articles by a twenty-eighth annotator (`tests/blind28/`: Namibia's
/// "Fishrot" bribery scandal around Samherji, and Rodrigo Duterte's arrest on
/// an International Criminal Court warrant, each in English and German;
/// Telia's settlement over bribes in Uzbekistan, Ecuador storming Mexico's
/// embassy to arrest Jorge Glas, Saudi Arabia's Ritz-Carlton purge, the ECB
/// letting Latvia's ABLV Bank fail), measured once when they arrived, with
/// code not tuned on them (d37e58e): entity P 0.89 R 0.93 (F1 0.91), event
/// recall 0.44, relation recall 0.31, 1 fragmented, 0 conflated. Since `blind29` came it is a tuning
/// set.
#[test]
fn twenty_eighth_blind_articles_stay_good() {
    stays_above("tests/blind28", 0.89, 0.41, 0.28);
}

/// Eight articles by a twenty-ninth annotator (`tests/blind29/`: Steinhoff's
/// accounting scandal and Markus Jooste's resignation, and Lebanon detaining
/// its former central bank governor Riad Salameh, each in English and
/// German; Finansinspektionen's record fine on Swedbank, the Philippine
/// central bank fining RCBC over the Bangladesh Bank heist, Brazil's "Carne
/// Fraca" meat scandal, Rio Tinto's chief leaving over the Juukan Gorge
/// blast), measured once when they arrived, with code not tuned on them
/// (896497c): entity P 0.90 R 0.89 (F1 0.90), event recall 0.36, relation
/// recall 0.28, 3 fragmented, 1 conflated. Since `blind30` came it is a tuning
/// set.
#[test]
fn twenty_ninth_blind_articles_stay_good() {
    stays_above("tests/blind29", 0.87, 0.33, 0.25);
}

/// Eight articles by a thirtieth annotator (`tests/blind30/`: Belgium
/// charging Eva Kaili in the Qatar bribery probe, and Angola naming Isabel
/// dos Santos a suspect, each in English and German; Israel indicting
/// Netanyahu, Alex Saab's extradition to the United States, Sarkozy's
/// sentence in the "Bismuth" wiretap case, S. Iswaran's sentence in
/// Singapore), measured once when they arrived, with code not tuned on them
/// (410d86c): entity P 0.92 R 0.87 (F1 0.89), event recall 0.47, relation
/// recall 0.31, 2 fragmented, 0 conflated. This is the honest estimate now;
/// nothing in it is read.
#[test]
fn thirtieth_blind_articles_stay_good() {
    stays_above("tests/blind30", 0.86, 0.43, 0.28);
}
