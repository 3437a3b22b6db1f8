//! Graph: the petgraph view of the stored knowledge graph, and the questions
//! analysts ask of it.
//!
//! [`GraphView`] turns a [`model::Graph`](crate::model::Graph) into a petgraph
//! directed graph: one node per entity; an event with exactly one agent and
//! one target is an edge from agent to target; any other event (several
//! agents or targets, or only one side) is a node of its own with edges from
//! its agents and to its targets; a relation is an edge from source to target.
//! Entity nodes come first and in id order (`e2` before `e10`), so every walk
//! over the view is deterministic. On it: [`GraphView::shortest_path`] (each
//! hop with its evidence sentence), [`GraphView::neighbors`],
//! [`GraphView::components`], [`GraphView::degree`], [`GraphView::pagerank`]
//! (computed here: damping 0.85, fixed iterations and tolerance, ties broken by
//! id), [`GraphView::timeline`], and [`select`], which picks the ego network,
//! filters and most central nodes of a focused diagram. Nothing here does I/O
//! or fails: ids the graph does not define are skipped, and every result is
//! plain data (serializable for `--json`).

use crate::model::{Entity, EntityType, Event, EventType, Evidence, Graph, Modality, Relation};
use crate::store::id_order;
use crate::text::fold;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::unionfind::UnionFind;
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};

/// PageRank's damping factor.
pub const DAMPING: f64 = 0.85;
/// PageRank stops after this many iterations at the latest...
pub const PAGERANK_ITERATIONS: usize = 100;
/// ... or as soon as the ranks change by less than this (L1 norm).
pub const PAGERANK_TOLERANCE: f64 = 1e-10;
/// The entity nodes a diagram draws at most when the user sets no limit.
pub const DEFAULT_MAX_NODES: usize = 100;
/// The events and relations a diagram draws at most per allowed entity node
/// when the user sets no limit.
pub const DEFAULT_EDGES_PER_NODE: usize = 2;

/// A node of the view: an entity, or an event drawn as a node of its own.
#[derive(Debug, Clone, Copy)]
pub enum Node<'g> {
    Entity(&'g Entity),
    Event(&'g Event),
}

/// An edge of the view.
#[derive(Debug, Clone, Copy)]
pub enum Edge<'g> {
    /// An event with one agent and one target, from agent to target.
    Event(&'g Event),
    /// From an agent to its event node.
    Agent(&'g Event),
    /// From an event node to a target.
    Target(&'g Event),
    /// A relation, from source to target.
    Relation(&'g Relation),
}

/// What connects two entities: an event they take part in, or a relation.
#[derive(Debug, Clone, Copy)]
pub enum Link<'g> {
    Event(&'g Event),
    Relation(&'g Relation),
}

impl<'g> Link<'g> {
    pub fn id(&self) -> &'g str {
        match self {
            Link::Event(event) => &event.id,
            Link::Relation(relation) => &relation.id,
        }
    }

    pub fn n_documents(&self) -> usize {
        match self {
            Link::Event(event) => event.documents.len(),
            Link::Relation(relation) => relation.documents.len(),
        }
    }

    pub fn evidence(&self) -> Option<&'g Evidence> {
        match self {
            Link::Event(event) => event.evidence.first(),
            Link::Relation(relation) => relation.evidence.first(),
        }
    }

    /// Events before relations, then by id.
    fn order(&self) -> (u8, (&'g str, u64, &'g str)) {
        match self {
            Link::Event(event) => (0, id_order(&event.id)),
            Link::Relation(relation) => (1, id_order(&relation.id)),
        }
    }
}

impl PartialEq for Link<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.order() == other.order()
    }
}

impl Eq for Link<'_> {}

/// An event as the view draws it: the participants that are nodes of the
/// view, in the order the event lists them, and its own node if it has one.
#[derive(Debug, Clone)]
pub struct ViewEvent<'g> {
    pub event: &'g Event,
    pub agents: Vec<&'g Entity>,
    pub targets: Vec<&'g Entity>,
    /// The event's node, when it is not a single agent → target edge.
    pub node: Option<NodeIndex>,
}

/// The petgraph view of a corpus graph (or of the part of it a filter keeps).
pub struct GraphView<'g> {
    model: &'g Graph,
    graph: DiGraph<Node<'g>, Edge<'g>>,
    index: HashMap<&'g str, NodeIndex>,
    n_entities: usize,
    events: Vec<ViewEvent<'g>>,
    relations: Vec<&'g Relation>,
}

impl<'g> GraphView<'g> {
    /// The view of the whole graph.
    pub fn new(model: &'g Graph) -> GraphView<'g> {
        GraphView::filtered(model, |_| true, |_| true, |_| true)
    }

    /// The view of the entities, events and relations the predicates keep.
    /// Event participants that are not kept entities are left out; an event
    /// left without participants, or a relation without one of its ends, is
    /// not in the view.
    pub fn filtered(
        model: &'g Graph,
        keep_entity: impl Fn(&Entity) -> bool,
        keep_event: impl Fn(&Event) -> bool,
        keep_relation: impl Fn(&Relation) -> bool,
    ) -> GraphView<'g> {
        let mut graph = DiGraph::new();
        let mut index = HashMap::new();
        for entity in sorted_by_id(&model.entities, |e| &e.id) {
            if keep_entity(entity) && !index.contains_key(entity.id.as_str()) {
                index.insert(entity.id.as_str(), graph.add_node(Node::Entity(entity)));
            }
        }
        let n_entities = graph.node_count();
        let mut events = Vec::new();
        for event in sorted_by_id(&model.events, |e| &e.id) {
            if !keep_event(event) {
                continue;
            }
            let members = |ids: &'g [String]| -> Vec<NodeIndex> {
                let mut nodes: Vec<NodeIndex> = Vec::new();
                for node in ids.iter().filter_map(|id| index.get(id.as_str()).copied()) {
                    if !nodes.contains(&node) {
                        nodes.push(node);
                    }
                }
                nodes
            };
            let (agents, targets) = (members(&event.agent), members(&event.target));
            if agents.is_empty() && targets.is_empty() {
                continue;
            }
            let node = if agents.len() == 1 && targets.len() == 1 {
                graph.add_edge(agents[0], targets[0], Edge::Event(event));
                None
            } else {
                let node = graph.add_node(Node::Event(event));
                for &agent in &agents {
                    graph.add_edge(agent, node, Edge::Agent(event));
                }
                for &target in &targets {
                    graph.add_edge(node, target, Edge::Target(event));
                }
                Some(node)
            };
            let entities = |nodes: Vec<NodeIndex>| nodes.into_iter().filter_map(|n| entity_at(&graph, n)).collect();
            events.push(ViewEvent { event, agents: entities(agents), targets: entities(targets), node });
        }
        let mut relations = Vec::new();
        for relation in sorted_by_id(&model.relations, |r| &r.id) {
            let ends = (index.get(relation.source.as_str()), index.get(relation.target.as_str()));
            if let (Some(&source), Some(&target)) = ends {
                if keep_relation(relation) {
                    graph.add_edge(source, target, Edge::Relation(relation));
                    relations.push(relation);
                }
            }
        }
        GraphView { model, graph, index, n_entities, events, relations }
    }

    /// The corpus graph this is a view of.
    pub fn model(&self) -> &'g Graph {
        self.model
    }

    /// The petgraph graph itself.
    pub fn petgraph(&self) -> &DiGraph<Node<'g>, Edge<'g>> {
        &self.graph
    }

    /// The entities of the view, in id order.
    pub fn entities(&self) -> impl Iterator<Item = &'g Entity> + '_ {
        (0..self.n_entities).filter_map(|i| entity_at(&self.graph, NodeIndex::new(i)))
    }

    pub fn n_entities(&self) -> usize {
        self.n_entities
    }

    /// The events of the view, in id order.
    pub fn events(&self) -> &[ViewEvent<'g>] {
        &self.events
    }

    /// The relations of the view, in id order.
    pub fn relations(&self) -> &[&'g Relation] {
        &self.relations
    }

    /// Is this entity a node of the view?
    pub fn contains(&self, entity_id: &str) -> bool {
        self.index.contains_key(entity_id)
    }

    /// The entities whose name or an alias is `name`, compared
    /// case-insensitively; failing that, compared folded (as
    /// [`crate::store::Store::find_entities`] does). In id order.
    pub fn find(&self, name: &str) -> Vec<&'g Entity> {
        let lower = name.trim().to_lowercase();
        fn names(entity: &Entity) -> impl Iterator<Item = &String> {
            std::iter::once(&entity.name).chain(&entity.aliases)
        }
        let found: Vec<&Entity> = self.entities().filter(|e| names(e).any(|n| n.to_lowercase() == lower)).collect();
        let folded = fold(name);
        if !found.is_empty() || folded.is_empty() {
            return found;
        }
        self.entities().filter(|e| names(e).any(|n| fold(n) == folded)).collect()
    }

    /// The number of events (as agent or target) and relations an entity
    /// takes part in: its edges in the view. 0 for an unknown id.
    pub fn degree(&self, entity_id: &str) -> usize {
        self.index.get(entity_id).map_or(0, |&node| self.node_degree(node))
    }

    fn node_degree(&self, node: NodeIndex) -> usize {
        self.graph.edges_directed(node, Direction::Outgoing).count()
            + self.graph.edges_directed(node, Direction::Incoming).count()
    }

    /// The entities one hop away from `node` and what links them, sorted by
    /// node and link. Through an event node, every other participant of the
    /// event is one hop away.
    fn entity_links(&self, node: NodeIndex) -> Vec<(NodeIndex, Link<'g>)> {
        let mut links = Vec::new();
        let edges = self
            .graph
            .edges_directed(node, Direction::Outgoing)
            .chain(self.graph.edges_directed(node, Direction::Incoming));
        for edge in edges {
            let other = if edge.source() == node { edge.target() } else { edge.source() };
            match *edge.weight() {
                Edge::Event(event) => links.push((other, Link::Event(event))),
                Edge::Relation(relation) => links.push((other, Link::Relation(relation))),
                Edge::Agent(event) | Edge::Target(event) => {
                    for participant in self.graph.neighbors_undirected(other) {
                        links.push((participant, Link::Event(event)));
                    }
                }
            }
        }
        links.retain(|(other, _)| *other != node);
        links.sort_by(|a, b| (a.0, a.1.order()).cmp(&(b.0, b.1.order())));
        links.dedup();
        links
    }

    /// Breadth-first distances (in entity hops) from `sources`, up to
    /// `max_depth`; `None` for entities out of reach.
    fn distances(&self, sources: &[NodeIndex], max_depth: usize) -> Vec<Option<usize>> {
        let mut distance = vec![None; self.graph.node_count()];
        let mut queue = VecDeque::new();
        for &source in sources {
            if distance[source.index()].is_none() {
                distance[source.index()] = Some(0);
                queue.push_back(source);
            }
        }
        while let Some(node) = queue.pop_front() {
            let d = distance[node.index()].unwrap_or(0);
            if d >= max_depth {
                continue;
            }
            for (other, _) in self.entity_links(node) {
                if distance[other.index()].is_none() {
                    distance[other.index()] = Some(d + 1);
                    queue.push_back(other);
                }
            }
        }
        distance
    }

    fn nodes_of(&self, ids: &[&str]) -> Vec<NodeIndex> {
        let mut nodes: Vec<NodeIndex> = ids.iter().filter_map(|id| self.index.get(id).copied()).collect();
        nodes.sort();
        nodes.dedup();
        nodes
    }

    fn info(&self, node: NodeIndex) -> Option<EntityInfo> {
        entity_at(&self.graph, node).map(EntityInfo::of)
    }

    /// The shortest connection from any of the entities `from` to any of
    /// `to` (several ids for homonyms), through events and relations in
    /// either direction. Each hop names the event or relation that makes it
    /// and its first evidence sentence; between two entities linked several
    /// ways, the link with evidence told by the most articles is given. Ties
    /// between equally short paths go to the entities with the smallest ids.
    /// `None` when they are not connected; no hops when `from` and `to` share
    /// an entity.
    pub fn shortest_path(&self, from: &[&str], to: &[&str]) -> Option<Path> {
        let sources = self.nodes_of(from);
        let goals: HashSet<NodeIndex> = self.nodes_of(to).into_iter().collect();
        if sources.is_empty() || goals.is_empty() {
            return None;
        }
        let mut parent: Vec<Option<NodeIndex>> = vec![None; self.graph.node_count()];
        let mut seen = vec![false; self.graph.node_count()];
        let mut queue = VecDeque::new();
        for &source in &sources {
            seen[source.index()] = true;
            queue.push_back(source);
        }
        let mut reached = None;
        while let Some(node) = queue.pop_front() {
            if goals.contains(&node) {
                reached = Some(node);
                break;
            }
            for (other, _) in self.entity_links(node) {
                if !seen[other.index()] {
                    seen[other.index()] = true;
                    parent[other.index()] = Some(node);
                    queue.push_back(other);
                }
            }
        }
        let mut chain = vec![reached?];
        while let Some(previous) = parent[chain[chain.len() - 1].index()] {
            chain.push(previous);
        }
        chain.reverse();
        let mut hops = Vec::new();
        for pair in chain.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let (Some(from), Some(to)) = (self.info(a), self.info(b)) else { return None };
            let mut links: Vec<(Link<'g>, LinkInfo)> = self
                .entity_links(a)
                .into_iter()
                .filter(|(other, _)| *other == b)
                .map(|(_, link)| (link, LinkInfo::of(link, &from.id, &to.id)))
                .collect();
            // A direct link (agent → target, source → target) before taking
            // part in the same event; evidence, then most articles, then id.
            links.sort_by_key(|(link, info)| {
                (
                    info.from_role == info.to_role,
                    info.evidence.is_none(),
                    std::cmp::Reverse(info.n_documents),
                    link.order(),
                )
            });
            let mut links = links.into_iter();
            let (_, link) = links.next()?;
            let also = links.map(|(l, _)| l.id().to_string()).collect();
            hops.push(Hop { from, to, link, also });
        }
        let from = self.info(chain[0])?;
        let to = self.info(chain[chain.len() - 1])?;
        Some(Path { from, to, hops })
    }

    /// The entities within `depth` hops of any of `sources`, nearest first
    /// (then by name), each with the links to the entities one hop nearer.
    /// The sources themselves are not listed.
    pub fn neighbors(&self, sources: &[&str], depth: usize) -> Vec<Neighbor> {
        let start = self.nodes_of(sources);
        let distance = self.distances(&start, depth);
        let mut neighbors = Vec::new();
        for i in 0..self.n_entities {
            let node = NodeIndex::new(i);
            let Some(d) = distance[i].filter(|d| *d > 0) else { continue };
            let Some(entity) = self.info(node) else { continue };
            let mut via = Vec::new();
            for (other, link) in self.entity_links(node) {
                if distance[other.index()] == Some(d - 1) {
                    if let Some(other) = self.info(other) {
                        via.push(LinkInfo::of(link, &entity.id, &other.id).toward(other));
                    }
                }
            }
            via.sort_by_key(|l| (l.from_role == l.to_role, l.evidence.is_none(), std::cmp::Reverse(l.n_documents)));
            neighbors.push(Neighbor { entity, distance: d, degree: self.node_degree(node), via });
        }
        neighbors.sort_by(|a, b| {
            (a.distance, a.entity.name.to_lowercase(), id_order(&a.entity.id)).cmp(&(
                b.distance,
                b.entity.name.to_lowercase(),
                id_order(&b.entity.id),
            ))
        });
        neighbors
    }

    /// The connected components of the entities that take part in at least
    /// one event or relation (through event nodes too), largest first, ties
    /// by smallest id; each in id order.
    pub fn components(&self) -> Components {
        let mut union = UnionFind::new(self.graph.node_count());
        for edge in self.graph.edge_references() {
            union.union(edge.source().index(), edge.target().index());
        }
        let mut groups: BTreeMap<usize, Vec<EntityInfo>> = BTreeMap::new();
        let mut isolated = Vec::new();
        for i in 0..self.n_entities {
            let node = NodeIndex::new(i);
            let Some(entity) = self.info(node) else { continue };
            if self.node_degree(node) == 0 {
                isolated.push(entity);
            } else {
                groups.entry(union.find(i)).or_default().push(entity);
            }
        }
        // Each group is in node (= id) order, so its first member is its smallest id.
        let mut components: Vec<Vec<EntityInfo>> = groups.into_values().collect();
        components.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| id_order(&a[0].id).cmp(&id_order(&b[0].id))));
        Components { components, isolated }
    }

    /// PageRank of every entity, in id order, over the links between
    /// entities taken both ways: every agent–target pair of an event and
    /// every relation links its two entities in both directions (parallel
    /// links count as many times as they occur). Both ways, because in news
    /// who is connected to whom matters more than who acted on whom: taken
    /// one way, the rank of a much-investigated company would pile up on the
    /// one place it invested in. See [`pagerank`].
    pub fn pagerank(&self) -> Vec<(&'g Entity, f64)> {
        let mut links = Vec::new();
        for event in &self.events {
            for agent in &event.agents {
                for target in &event.targets {
                    if let (Some(a), Some(t)) = (self.index.get(agent.id.as_str()), self.index.get(target.id.as_str()))
                    {
                        links.push((a.index(), t.index()));
                        links.push((t.index(), a.index()));
                    }
                }
            }
        }
        for relation in &self.relations {
            if let (Some(s), Some(t)) =
                (self.index.get(relation.source.as_str()), self.index.get(relation.target.as_str()))
            {
                links.push((s.index(), t.index()));
                links.push((t.index(), s.index()));
            }
        }
        let ranks = pagerank(self.n_entities, &links, DAMPING, PAGERANK_ITERATIONS, PAGERANK_TOLERANCE);
        self.entities().zip(ranks).collect()
    }

    /// The `n` entities with the most edges, then the highest PageRank, then
    /// the smallest id; entities without edges are not listed.
    pub fn top_by_degree(&self, n: usize) -> Vec<Ranked> {
        let mut ranked = self.ranked();
        ranked.retain(|r| r.degree > 0);
        ranked.sort_by_key(|r| {
            (std::cmp::Reverse(r.degree), std::cmp::Reverse(quantize(r.pagerank)), id_key(&r.entity.id))
        });
        ranked.truncate(n);
        ranked
    }

    /// The `n` entities with the highest PageRank, then the most edges, then
    /// the smallest id; entities without edges are not listed.
    pub fn top_by_pagerank(&self, n: usize) -> Vec<Ranked> {
        let mut ranked = self.ranked();
        ranked.retain(|r| r.degree > 0);
        ranked.sort_by_key(|r| {
            (std::cmp::Reverse(quantize(r.pagerank)), std::cmp::Reverse(r.degree), id_key(&r.entity.id))
        });
        ranked.truncate(n);
        ranked
    }

    fn ranked(&self) -> Vec<Ranked> {
        self.pagerank()
            .into_iter()
            .map(|(entity, pagerank)| Ranked {
                entity: EntityInfo::of(entity),
                degree: self.degree(&entity.id),
                pagerank,
            })
            .collect()
    }

    /// The `n` events told by the most articles, then by id.
    pub fn most_reported_events(&self, n: usize) -> Vec<EventInfo> {
        let mut events: Vec<&Event> = self.events.iter().map(|e| e.event).collect();
        events.sort_by_key(|e| (std::cmp::Reverse(e.documents.len()), id_key(&e.id)));
        events.into_iter().take(n).map(|e| EventInfo::of(e, self.model)).collect()
    }

    /// The events of the graph in which any of the entities `ids` takes part
    /// (as agent, target or reporter), dated events first in date order
    /// (`2021` before `2021-07` before `2021-07-14`), then undated ones; ties
    /// by id. Looks at the whole corpus graph, not only the view.
    pub fn timeline(&self, ids: &[&str]) -> Vec<TimelineEntry> {
        let mut entries: Vec<TimelineEntry> = Vec::new();
        for event in sorted_by_id(&self.model.events, |e| &e.id) {
            let mut roles = Vec::new();
            for (role, list) in
                [("agent", &event.agent), ("target", &event.target), ("reported_by", &event.reported_by)]
            {
                if list.iter().any(|id| ids.contains(&id.as_str())) {
                    roles.push(role.to_string());
                }
            }
            if !roles.is_empty() {
                entries.push(TimelineEntry { roles, event: EventInfo::of(event, self.model) });
            }
        }
        entries.sort_by(|a, b| {
            let key = |e: &TimelineEntry| (e.event.date.is_none(), e.event.date.clone(), id_key(&e.event.id));
            key(a).cmp(&key(b))
        });
        entries
    }
}

/// PageRank by power iteration over `n` nodes and directed `links`
/// (`(from, to)`, out-of-range ones ignored; parallel links add weight).
/// The rank of nodes without outgoing links is spread evenly over all nodes,
/// as is the teleport share `1 - damping`. Stops after `iterations` or when
/// the L1 change falls below `tolerance`. Deterministic: the same input gives
/// the same bits. The ranks sum to 1.
pub fn pagerank(n: usize, links: &[(usize, usize)], damping: f64, iterations: usize, tolerance: f64) -> Vec<f64> {
    if n == 0 {
        return Vec::new();
    }
    let mut out_degree = vec![0usize; n];
    let mut incoming: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(from, to) in links.iter().filter(|(f, t)| *f < n && *t < n) {
        out_degree[from] += 1;
        incoming[to].push(from);
    }
    let share = 1.0 / n as f64;
    let mut rank = vec![share; n];
    for _ in 0..iterations {
        let dangling: f64 = (0..n).filter(|&i| out_degree[i] == 0).map(|i| rank[i]).sum();
        let base = (1.0 - damping) * share + damping * dangling * share;
        let next: Vec<f64> = incoming
            .iter()
            .map(|sources| base + damping * sources.iter().map(|&s| rank[s] / out_degree[s] as f64).sum::<f64>())
            .collect();
        let change: f64 = next.iter().zip(&rank).map(|(a, b)| (a - b).abs()).sum();
        rank = next;
        if change < tolerance {
            break;
        }
    }
    rank
}

/// A score as an integer, so that scores equal up to rounding tie and the
/// tie goes to the id.
fn quantize(score: f64) -> i64 {
    (score * 1e12).round() as i64
}

fn id_key(id: &str) -> (String, u64, String) {
    let (prefix, number, id) = id_order(id);
    (prefix.to_string(), number, id.to_string())
}

fn sorted_by_id<T>(items: &[T], id: impl Fn(&T) -> &String) -> Vec<&T> {
    let mut sorted: Vec<&T> = items.iter().collect();
    sorted.sort_by(|a, b| id_order(id(a)).cmp(&id_order(id(b))));
    sorted
}

fn entity_at<'g>(graph: &DiGraph<Node<'g>, Edge<'g>>, node: NodeIndex) -> Option<&'g Entity> {
    match graph.node_weight(node) {
        Some(Node::Entity(entity)) => Some(entity),
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// Results (plain data, serializable for --json)
// ---------------------------------------------------------------------------

/// An entity as results name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntityInfo {
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub etype: EntityType,
}

impl EntityInfo {
    pub fn of(entity: &Entity) -> EntityInfo {
        EntityInfo { id: entity.id.clone(), name: entity.name.clone(), etype: entity.etype }
    }
}

/// An event or relation as one hop of a path (or of a neighborhood) uses it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LinkInfo {
    /// `event` or `relation`.
    pub kind: &'static str,
    pub id: String,
    /// The event type (`ACCUSE`) or relation type (`SUBSIDIARY_OF`).
    #[serde(rename = "type")]
    pub ltype: String,
    pub mode: Option<String>,
    pub date: Option<String>,
    pub modality: Option<Modality>,
    pub n_documents: usize,
    /// The role of the hop's first entity: `agent`, `target`, `source`.
    pub from_role: &'static str,
    /// The role of the hop's second entity.
    pub to_role: &'static str,
    /// The entity at the other end, for neighbor lists.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<EntityInfo>,
    /// The first sentence that states it; `None` for relations known from
    /// the lexicon rather than read in a text.
    pub evidence: Option<Evidence>,
}

impl LinkInfo {
    fn of(link: Link<'_>, from: &str, to: &str) -> LinkInfo {
        match link {
            Link::Event(event) => {
                let role = |id: &str| {
                    if event.agent.iter().any(|a| a == id) {
                        "agent"
                    } else if event.target.iter().any(|t| t == id) {
                        "target"
                    } else {
                        "reported_by"
                    }
                };
                LinkInfo {
                    kind: "event",
                    id: event.id.clone(),
                    ltype: event.etype.to_string(),
                    mode: event.mode.clone(),
                    date: event.date.clone(),
                    modality: Some(event.modality),
                    n_documents: event.documents.len(),
                    from_role: role(from),
                    to_role: role(to),
                    entity: None,
                    evidence: event.evidence.first().cloned(),
                }
            }
            Link::Relation(relation) => {
                let role = |id: &str| if relation.source == id { "source" } else { "target" };
                LinkInfo {
                    kind: "relation",
                    id: relation.id.clone(),
                    ltype: relation.rtype.to_string(),
                    mode: None,
                    date: None,
                    modality: None,
                    n_documents: relation.documents.len(),
                    from_role: role(from),
                    to_role: role(to),
                    entity: None,
                    evidence: relation.evidence.first().cloned(),
                }
            }
        }
    }

    fn toward(mut self, entity: EntityInfo) -> LinkInfo {
        self.entity = Some(entity);
        self
    }

    /// `ACCUSE/investigate 2021` or `SUBSIDIARY_OF`.
    pub fn label(&self) -> String {
        let mut label = self.ltype.clone();
        if let Some(mode) = &self.mode {
            label.push('/');
            label.push_str(mode);
        }
        if let Some(date) = &self.date {
            label.push(' ');
            label.push_str(date);
        }
        label
    }

    /// Whether the hop follows the link's direction (from agent or source).
    pub fn forward(&self) -> bool {
        matches!(self.from_role, "agent" | "source") || (self.from_role == self.to_role)
    }
}

/// One step of a path: two entities and what links them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hop {
    pub from: EntityInfo,
    pub to: EntityInfo,
    pub link: LinkInfo,
    /// Ids of the other events and relations that link the same two entities.
    pub also: Vec<String>,
}

/// The answer of [`GraphView::shortest_path`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Path {
    pub from: EntityInfo,
    pub to: EntityInfo,
    pub hops: Vec<Hop>,
}

/// One entity of a neighborhood.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Neighbor {
    pub entity: EntityInfo,
    /// Hops from the nearest source.
    pub distance: usize,
    pub degree: usize,
    /// The links to the entities one hop nearer (each names that entity).
    pub via: Vec<LinkInfo>,
}

/// The answer of [`GraphView::components`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Components {
    /// Entities connected by events and relations, largest group first.
    pub components: Vec<Vec<EntityInfo>>,
    /// Entities in no event (as agent or target) or relation.
    pub isolated: Vec<EntityInfo>,
}

/// An entity with its degree and PageRank.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ranked {
    pub entity: EntityInfo,
    pub degree: usize,
    pub pagerank: f64,
}

/// An event with its participants named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventInfo {
    pub id: String,
    #[serde(rename = "type")]
    pub etype: EventType,
    pub mode: Option<String>,
    pub date: Option<String>,
    pub modality: Modality,
    pub agent: Vec<EntityInfo>,
    pub target: Vec<EntityInfo>,
    pub reported_by: Vec<EntityInfo>,
    pub n_documents: usize,
    pub evidence: Option<Evidence>,
}

impl EventInfo {
    fn of(event: &Event, model: &Graph) -> EventInfo {
        let named = |ids: &[String]| -> Vec<EntityInfo> {
            ids.iter()
                .map(|id| match model.entities.iter().find(|e| &e.id == id) {
                    Some(entity) => EntityInfo::of(entity),
                    None => EntityInfo { id: id.clone(), name: id.clone(), etype: EntityType::Group },
                })
                .collect()
        };
        EventInfo {
            id: event.id.clone(),
            etype: event.etype,
            mode: event.mode.clone(),
            date: event.date.clone(),
            modality: event.modality,
            agent: named(&event.agent),
            target: named(&event.target),
            reported_by: named(&event.reported_by),
            n_documents: event.documents.len(),
            evidence: event.evidence.first().cloned(),
        }
    }

    /// `ACCUSE/investigate`.
    pub fn kind(&self) -> String {
        match &self.mode {
            Some(mode) => format!("{}/{mode}", self.etype),
            None => self.etype.to_string(),
        }
    }
}

/// One event of an entity's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimelineEntry {
    /// The entity's roles in it: `agent`, `target`, `reported_by`.
    pub roles: Vec<String>,
    pub event: EventInfo,
}

// ---------------------------------------------------------------------------
// Selection for focused diagrams
// ---------------------------------------------------------------------------

/// What a diagram should show. The default keeps everything except
/// entities in no event or relation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Entity ids to centre the diagram on (their ego network); empty for the
    /// whole graph. Focus entities are always drawn.
    pub focus: Vec<String>,
    /// Hops around the focus entities.
    pub depth: usize,
    /// Only entities of these types (and the focus); empty for all.
    pub entity_types: Vec<EntityType>,
    /// Only events of these types; empty for all.
    pub event_types: Vec<EventType>,
    /// Only events dated in this range (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`;
    /// a coarse date is in range when any of it is). Undated events are left
    /// out when either bound is set.
    pub since: Option<String>,
    pub until: Option<String>,
    /// Only events told by at least this many articles.
    pub min_sources: usize,
    /// Draw at most this many entity nodes (the most central: nearest the
    /// focus, then with the most edges, then smallest id). `None`: no limit.
    pub max_nodes: Option<usize>,
    /// Draw at most this many events and relations: first the best link of
    /// each entity, then one link per pair (or set) of entities, then the
    /// parallel ones; each time nearest the focus, then between two sides,
    /// then told by the most articles, then smallest id. `None`: no limit.
    pub max_edges: Option<usize>,
    /// Also draw entities that take part in no drawn event or relation.
    pub isolated: bool,
}

impl Filter {
    /// Does any of the event filters apply?
    fn filters_events(&self) -> bool {
        !self.event_types.is_empty() || self.since.is_some() || self.until.is_some() || self.min_sources > 1
    }

    fn event_ok(&self, event: &Event) -> bool {
        (self.event_types.is_empty() || self.event_types.contains(&event.etype))
            && event.documents.len() >= self.min_sources
            && date_in_range(event.date.as_deref(), self.since.as_deref(), self.until.as_deref())
    }
}

/// `true` when an event dated `date` falls (at least partly) in the range;
/// with no bounds, every event does, and with a bound, no undated event does.
pub fn date_in_range(date: Option<&str>, since: Option<&str>, until: Option<&str>) -> bool {
    if since.is_none() && until.is_none() {
        return true;
    }
    let Some(date) = date else { return false };
    // Lexicographic bounds of a partial ISO date: 2021 covers 2021-00-00 ..= 2021-99-99.
    let bounds = |d: &str| {
        let d = d.trim();
        match d.len() {
            4 => (format!("{d}-00-00"), format!("{d}-99-99")),
            7 => (format!("{d}-00"), format!("{d}-99")),
            _ => (d.to_string(), d.to_string()),
        }
    };
    let (start, end) = bounds(date);
    since.is_none_or(|s| end >= bounds(s).0) && until.is_none_or(|u| start <= bounds(u).1)
}

/// Counts of what a limit left out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct LeftOut {
    /// The limit.
    pub limit: usize,
    /// How many there were before it applied.
    pub before: usize,
    pub entities: usize,
    pub events: usize,
    pub relations: usize,
}

/// What a diagram leaves out of the corpus graph, and why.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Omitted {
    /// Entities, events and relations of the graph not drawn, for any reason.
    pub entities: usize,
    pub events: usize,
    pub relations: usize,
    /// Entities that passed the filters but take part in no drawn event or
    /// relation (drawn with [`Filter::isolated`]).
    pub isolated: usize,
    /// Events with neither agent nor target (never drawn).
    pub events_without_participants: usize,
    /// What `max_nodes` left out, when it did.
    pub by_max_nodes: Option<LeftOut>,
    /// What `max_edges` left out, when it did.
    pub by_max_edges: Option<LeftOut>,
    /// Whether a filter (focus, types, dates, sources) applied.
    pub filtered: bool,
}

/// The part of the graph a diagram draws: a view plus what it left out.
pub struct Selection<'g> {
    pub view: GraphView<'g>,
    /// The focus entities (ids) that are in the graph.
    pub focus: Vec<&'g str>,
    pub omitted: Omitted,
}

impl Selection<'_> {
    /// Sentences (without final period) saying what was left out, for the
    /// diagram's header and for standard error.
    pub fn notes(&self) -> Vec<String> {
        let o = &self.omitted;
        let mut notes = Vec::new();
        if let Some(cut) = o.by_max_nodes {
            notes.push(format!(
                "--max-nodes {}: drew the {} most central of {} entities; left out {}, {} and {} \
                 (--max-nodes 0 draws all)",
                cut.limit,
                cut.limit,
                cut.before,
                count(cut.entities, "entity", "entities"),
                count(cut.events, "event", "events"),
                count(cut.relations, "relation", "relations"),
            ));
        }
        if let Some(cut) = o.by_max_edges {
            notes.push(format!(
                "--max-edges {}: drew the {} of {} events and relations nearest the focus or told by the most \
                 articles; left out {} and {}, and {} left without any (--max-edges 0 draws all)",
                cut.limit,
                cut.limit,
                cut.before,
                count(cut.events, "event", "events"),
                count(cut.relations, "relation", "relations"),
                count(cut.entities, "entity", "entities"),
            ));
        }
        if o.isolated > 0 {
            if o.filtered {
                notes.push(format!(
                    "{} in no drawn event or relation not drawn (--isolated draws them)",
                    count(o.isolated, "entity", "entities")
                ));
            } else {
                notes.push(format!(
                    "{} in no event or relation not drawn (`newsgraph export dot --isolated` draws them)",
                    count(o.isolated, "entity", "entities")
                ));
            }
        }
        if o.events_without_participants > 0 {
            notes.push(format!("{} events with neither agent nor target are not drawn", o.events_without_participants));
        }
        notes
    }
}

/// "1 entity", "3 entities".
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Picks the part of `model` a diagram draws. In order: the entity-type
/// filter (focus entities always pass), the event filters (an event whose
/// agents or targets are all filtered out is dropped; with an event filter,
/// relations are kept only next to an entity of a kept event), the ego
/// network of the focus entities to `depth` hops (with what links its
/// members among themselves), then `max_nodes` (most central entities) and
/// `max_edges` (events and relations nearest the focus, then told by the
/// most articles). Entities left in no drawn event or relation are dropped
/// unless they are a focus or `isolated` is set.
pub fn select<'g>(model: &'g Graph, filter: &Filter) -> Selection<'g> {
    let known: HashSet<&str> = model.entities.iter().map(|e| e.id.as_str()).collect();
    let mut focus: Vec<&'g str> =
        model.entities.iter().filter(|e| filter.focus.contains(&e.id)).map(|e| e.id.as_str()).collect();
    focus.sort_by_key(|id| id_order(id));
    focus.dedup();
    let is_focus = |id: &str| focus.contains(&id);

    // 1. Filters.
    let allowed: HashSet<&str> = model
        .entities
        .iter()
        .filter(|e| filter.entity_types.is_empty() || filter.entity_types.contains(&e.etype) || is_focus(&e.id))
        .map(|e| e.id.as_str())
        .collect();
    let side_ok = |ids: &[String]| ids.is_empty() || ids.iter().any(|id| allowed.contains(id.as_str()));
    let event_ok = |e: &Event| filter.event_ok(e) && side_ok(&e.agent) && side_ok(&e.target);
    let in_events: HashSet<&str> = model
        .events
        .iter()
        .filter(|e| event_ok(e))
        .flat_map(|e| e.agent.iter().chain(&e.target))
        .map(String::as_str)
        .filter(|id| allowed.contains(id))
        .collect();
    let relation_ok = |r: &Relation| {
        !filter.filters_events()
            || [&r.source, &r.target].iter().any(|id| in_events.contains(id.as_str()) || is_focus(id))
    };
    let filtered = GraphView::filtered(model, |e| allowed.contains(e.id.as_str()), event_ok, relation_ok);

    // 2. The ego network.
    let mut distance: HashMap<&'g str, usize> = HashMap::new();
    if focus.is_empty() {
        distance.extend(filtered.entities().map(|e| (e.id.as_str(), 0)));
    } else {
        let sources = filtered.nodes_of(&focus);
        let reach = filtered.distances(&sources, filter.depth);
        for entity in filtered.entities() {
            if let Some(d) = filtered.index.get(entity.id.as_str()).and_then(|n| reach[n.index()]) {
                distance.insert(entity.id.as_str(), d);
            }
        }
    }
    let inside =
        |ids: &[String]| ids.iter().all(|id| !allowed.contains(id.as_str()) || distance.contains_key(id.as_str()));
    let event_inside = |e: &Event| event_ok(e) && inside(&e.agent) && inside(&e.target);
    let relation_inside = |r: &Relation| {
        relation_ok(r) && distance.contains_key(r.source.as_str()) && distance.contains_key(r.target.as_str())
    };
    let ego = GraphView::filtered(model, |e| distance.contains_key(e.id.as_str()), event_inside, relation_inside);
    let drawable =
        |view: &GraphView<'g>, entity: &Entity| filter.isolated || is_focus(&entity.id) || view.degree(&entity.id) > 0;
    let n_isolated = ego.entities().filter(|e| !drawable(&ego, e)).count();

    // 3. The most central entities.
    let mut kept: Vec<&'g Entity> = ego.entities().filter(|e| drawable(&ego, e)).collect();
    let mut by_max_nodes = None;
    if let Some(limit) = filter.max_nodes.filter(|&limit| kept.len() > limit) {
        let before = kept.len();
        kept.sort_by_key(|e| {
            (
                !is_focus(&e.id),
                distance.get(e.id.as_str()).copied().unwrap_or(usize::MAX),
                std::cmp::Reverse(ego.degree(&e.id)),
                id_key(&e.id),
            )
        });
        kept.truncate(limit);
        by_max_nodes = Some(LeftOut { limit, before, entities: before - limit, ..LeftOut::default() });
    }
    let kept_ids: HashSet<&str> = kept.iter().map(|e| e.id.as_str()).collect();
    let capped = GraphView::filtered(model, |e| kept_ids.contains(e.id.as_str()), event_inside, relation_inside);

    // 4. The events and relations nearest the focus and told by the most articles.
    let mut by_max_edges = None;
    let mut kept_links: Option<HashSet<&str>> = None;
    let n_links = capped.events.len() + capped.relations.len();
    if let Some(limit) = filter.max_edges.filter(|&limit| n_links > limit) {
        let near = |ids: &[&str]| ids.iter().filter_map(|id| distance.get(id).copied()).min().unwrap_or(usize::MAX);
        // Nearest the focus, then links between two sides before events with one side only, then
        // told by the most articles, events before relations, smallest id.
        type Key<'a> = (usize, bool, std::cmp::Reverse<usize>, u8, (String, u64, String), &'a str);
        let mut links: Vec<Key<'g>> = Vec::new();
        for e in &capped.events {
            let participants: Vec<&str> = e.agents.iter().chain(&e.targets).map(|x| x.id.as_str()).collect();
            let one_sided = e.agents.is_empty() || e.targets.is_empty();
            let documents = std::cmp::Reverse(e.event.documents.len());
            links.push((near(&participants), one_sided, documents, 0, id_key(&e.event.id), e.event.id.as_str()));
        }
        for r in &capped.relations {
            let d = near(&[r.source.as_str(), r.target.as_str()]);
            links.push((d, false, std::cmp::Reverse(r.documents.len()), 1, id_key(&r.id), r.id.as_str()));
        }
        links.sort();
        // First every entity gets its best link (so that no kept entity is
        // left out for want of one), then the best of the rest fill up.
        let mut participants: HashMap<&str, Vec<&str>> = HashMap::new();
        for e in &capped.events {
            participants.insert(&e.event.id, e.agents.iter().chain(&e.targets).map(|x| x.id.as_str()).collect());
        }
        for r in &capped.relations {
            participants.insert(&r.id, vec![r.source.as_str(), r.target.as_str()]);
        }
        let mut covered: HashSet<&str> = HashSet::new();
        let mut chosen: HashSet<&'g str> = HashSet::new();
        for link in &links {
            if chosen.len() >= limit {
                break;
            }
            let ends = participants.get(link.5).map(Vec::as_slice).unwrap_or_default();
            if ends.iter().any(|id| !covered.contains(id)) {
                covered.extend(ends.iter().copied());
                chosen.insert(link.5);
            }
        }
        // Parallel links fan out into a hairball: one link per set of
        // entities first, parallel ones only while there is room left.
        let set_of = |id: &str| {
            let mut ends = participants.get(id).cloned().unwrap_or_default();
            ends.sort_unstable();
            ends
        };
        let mut linked_sets: HashSet<Vec<&str>> = chosen.iter().map(|id| set_of(id)).collect();
        for link in &links {
            if chosen.len() >= limit {
                break;
            }
            if !chosen.contains(link.5) && linked_sets.insert(set_of(link.5)) {
                chosen.insert(link.5);
            }
        }
        for link in &links {
            if chosen.len() >= limit {
                break;
            }
            chosen.insert(link.5);
        }
        kept_links = Some(chosen);
        by_max_edges = Some(LeftOut { limit, before: n_links, ..LeftOut::default() });
    }
    let link_kept = |id: &str| kept_links.as_ref().is_none_or(|links| links.contains(id));
    let linked = GraphView::filtered(
        model,
        |e| kept_ids.contains(e.id.as_str()),
        |e| event_inside(e) && link_kept(&e.id),
        |r| relation_inside(r) && link_kept(&r.id),
    );
    let view = if kept_links.is_some() {
        GraphView::filtered(
            model,
            |e| kept_ids.contains(e.id.as_str()) && drawable(&linked, e),
            |e| event_inside(e) && link_kept(&e.id),
            |r| relation_inside(r) && link_kept(&r.id),
        )
    } else {
        linked
    };

    // What each limit left out.
    if let Some(cut) = by_max_nodes.as_mut() {
        cut.events = ego.events.len() - capped.events.len();
        cut.relations = ego.relations.len() - capped.relations.len();
    }
    if let Some(cut) = by_max_edges.as_mut() {
        cut.entities = capped.n_entities - view.n_entities;
        cut.events = capped.events.len() - view.events.len();
        cut.relations = capped.relations.len() - view.relations.len();
    }
    let events_without_participants =
        model.events.iter().filter(|e| !e.agent.iter().chain(&e.target).any(|id| known.contains(id.as_str()))).count();
    let omitted = Omitted {
        entities: model.entities.len() - view.n_entities,
        events: model.events.len() - view.events.len(),
        relations: model.relations.len() - view.relations.len(),
        isolated: n_isolated,
        events_without_participants,
        by_max_nodes,
        by_max_edges,
        filtered: !focus.is_empty() || !filter.entity_types.is_empty() || filter.filters_events(),
    };
    Selection { view, focus, omitted }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pagerank_of_a_cycle_is_uniform() {
        let ranks = pagerank(3, &[(0, 1), (1, 2), (2, 0)], DAMPING, PAGERANK_ITERATIONS, PAGERANK_TOLERANCE);
        for rank in &ranks {
            assert!((rank - 1.0 / 3.0).abs() < 1e-9, "{ranks:?}");
        }
    }

    #[test]
    fn pagerank_of_a_star_favours_the_centre() {
        // Three leaves point to node 0; node 0 points nowhere (dangling).
        let ranks = pagerank(4, &[(1, 0), (2, 0), (3, 0)], DAMPING, PAGERANK_ITERATIONS, PAGERANK_TOLERANCE);
        assert!((ranks.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        assert!(ranks[0] > ranks[1]);
        assert_eq!(ranks[1], ranks[2]);
        assert_eq!(ranks[2], ranks[3]);
        // The closed form: leaves get r, the centre r + 3·d·r·... checked against a known value.
        let leaf = ranks[1];
        let centre = ranks[0];
        // Leaves receive only teleport + dangling share: (1-d)/4 + d·centre/4.
        assert!((leaf - ((1.0 - DAMPING) / 4.0 + DAMPING * centre / 4.0)).abs() < 1e-9);
    }

    #[test]
    fn pagerank_ignores_links_out_of_range_and_handles_empty() {
        assert!(pagerank(0, &[(0, 1)], DAMPING, 10, 1e-9).is_empty());
        let ranks = pagerank(2, &[(0, 5), (7, 1)], DAMPING, 10, 1e-9);
        assert_eq!(ranks, vec![0.5, 0.5]);
    }

    #[test]
    fn date_ranges() {
        for (date, since, until, expected) in [
            (Some("2021"), None, None, true),
            (None, None, None, true),
            (None, Some("2020"), None, false),
            (Some("2021"), Some("2021-07-01"), None, true),
            (Some("2021-06"), Some("2021-07-01"), None, false),
            (Some("2021-07-14"), Some("2021-07"), Some("2021-07"), true),
            (Some("2021-08-01"), None, Some("2021-07"), false),
            (Some("2020"), None, Some("2021"), true),
            (Some("2022-01"), None, Some("2021"), false),
        ] {
            assert_eq!(date_in_range(date, since, until), expected, "{date:?} {since:?} {until:?}");
        }
    }
}
