package com.requestworkflows.query.replay;

import com.requestworkflows.api.error.InvalidRequestException;
import com.requestworkflows.api.identity.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;

/** Rebuilding views from the event store, and following a rebuild's progress. */
@RestController
@RequestMapping("/api/v1/admin/replays")
public class ViewRebuildController {

    private final ViewRebuilds rebuilds;

    public ViewRebuildController(ViewRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @PostMapping
    public ResponseEntity<ViewRebuild.Progress> start(@RequestBody ReplayBody body,
                                                      @AuthenticationPrincipal Caller caller) {
        if (body.projection() == null || body.projection().isBlank()) {
            throw new InvalidRequestException("projection", "is required: " + ViewRebuilds.ALL);
        }
        ViewRebuild rebuild = rebuilds.start(body.projection().trim(), caller.userId());
        return ResponseEntity.accepted()
                .location(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                        .buildAndExpand(rebuild.id()).toUri())
                .body(rebuild.progress());
    }

    @GetMapping("/{id}")
    public ViewRebuild.Progress progress(@PathVariable String id) {
        return rebuilds.find(id).map(ViewRebuild::progress).orElseThrow(() -> new RebuildNotFoundException(id));
    }

    @GetMapping
    public List<ViewRebuild.Progress> list() {
        return rebuilds.all();
    }

    public record ReplayBody(String projection) {
    }
}
