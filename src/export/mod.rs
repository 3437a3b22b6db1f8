//! Export: writes the graph as JSON or Graphviz DOT. (stub)
