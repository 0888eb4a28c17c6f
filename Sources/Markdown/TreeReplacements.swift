import CCmarkGFM

extension DocumentWalker.Result {
    /// Replaces each recorded fenced block by a custom block holding the renderer's HTML, and
    /// each heading by a custom block that prints `<hN id="...">` around the heading's own
    /// inline children, so emphasis and code inside headings render as usual. Custom blocks
    /// print their HTML even in safe mode. Task-list items become plain items whose checkbox sits in
    /// a `<label>` with the item's first paragraph, so the checkbox is named by the item's text
    /// (the extension prints a bare, nameless `<input>`).
    func applyReplacements() {
        for (node, checked) in taskItems {
            Self.labelTask(node, checked: checked)
        }
        for (node, html) in fencedNodes {
            guard let custom = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            cmark_node_set_on_enter(custom, html)
            cmark_node_set_on_exit(custom, "")
            Self.replace(node, with: custom)
        }
        for (node, level, id) in headingNodes {
            // The block prints nothing itself; the inline inside it carries the tags, because
            // a custom block puts line breaks around its own strings and would split
            // `<h2 id="x">` from the heading text.
            guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            guard let inline = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else {
                cmark_node_free(block)
                continue
            }
            cmark_node_set_on_enter(block, "")
            cmark_node_set_on_exit(block, "")
            cmark_node_set_on_enter(inline, "<h\(level) id=\"\(id)\">")
            cmark_node_set_on_exit(inline, "</h\(level)>")
            cmark_node_append_child(block, inline)
            while let child = cmark_node_first_child(node) {
                cmark_node_unlink(child)
                cmark_node_append_child(inline, child)
            }
            Self.replace(node, with: block)
        }
    }

    private static func labelTask(_ item: OpaquePointer, checked: Bool) {
        let state = checked ? " checked" : ""
        guard cmark_node_set_syntax_extension(item, nil) != 0 else { return }
        if let paragraph = cmark_node_first_child(item), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH {
            guard let label = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { return }
            cmark_node_set_on_enter(label, "<label class=\"task-list-label\"><input type=\"checkbox\" class=\"task-list-checkbox\" disabled\(state)> ")
            cmark_node_set_on_exit(label, "</label>")
            while let child = cmark_node_first_child(paragraph) {
                cmark_node_unlink(child)
                cmark_node_append_child(label, child)
            }
            cmark_node_append_child(paragraph, label)
        } else if let box = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) {
            // `- [ ]` with no text: nothing to name the checkbox by but its being a task.
            cmark_node_set_on_enter(box, "<input type=\"checkbox\" class=\"task-list-checkbox\" disabled\(state) aria-label=\"task\">")
            cmark_node_set_on_exit(box, "")
            if let first = cmark_node_first_child(item) {
                cmark_node_insert_before(first, box)
            } else {
                cmark_node_append_child(item, box)
            }
        }
    }

    private static func replace(_ node: OpaquePointer, with replacement: OpaquePointer) {
        if cmark_node_replace(node, replacement) != 0 {
            cmark_node_free(node)
        } else {
            cmark_node_free(replacement)
        }
    }
}
