/// `page/placemap.css`: the page's own style (Leaflet's and the cluster plugin's come beside it).
enum PageStyle {
    static let text = #"""
        * { box-sizing: border-box; }
        html, body { height: 100%; }
        body { margin: 0; display: flex; flex-direction: column; font: 14px/1.4 'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif; color: #222; background: #f4f2ee; }
        header { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 6px 24px; padding: 8px 14px; background: #fff; border-bottom: 1px solid #ddd; }
        h1 { font-size: 18px; margin: 0; }
        #subtitle { margin: 2px 0 0; color: #555; font-size: 12.5px; }
        #daynav { display: flex; align-items: center; gap: 6px; }
        #daynav button { font: inherit; padding: 2px 9px; border: 1px solid #bbb; border-radius: 4px; background: #fff; cursor: pointer; }
        #daynav button:hover, #daynav button:focus { border-color: #0072B2; }
        #slider { width: min(340px, 40vw); }
        #daylabel { min-width: 9em; font-weight: bold; }
        #message { margin: 0; padding: 8px 14px; background: #fff3cd; border-bottom: 1px solid #e6c75c; color: #5c4500; }
        main { flex: 1; display: flex; min-height: 0; }
        #map { flex: 1; min-width: 0; background: #E9E6DF; }
        aside { width: 360px; max-width: 42vw; overflow: auto; background: #fff; border-left: 1px solid #ddd; padding: 6px 14px 14px; }
        aside h2 { font-size: 15px; margin: 12px 0 6px; }
        #days { list-style: none; margin: 0; padding: 0; max-height: 28vh; overflow: auto; border: 1px solid #eee; }
        #days button { display: flex; justify-content: space-between; width: 100%; font: inherit; font-size: 13px; padding: 3px 8px; border: 0; background: none; cursor: pointer; text-align: left; }
        #days button:hover { background: #eef5fb; }
        #days button[aria-current="true"] { background: #0072B2; color: #fff; }
        #days .count { color: inherit; opacity: 0.75; }
        #events { list-style: none; margin: 0; padding: 0; }
        #events li { border-bottom: 1px solid #f0f0f0; }
        #events button { display: flex; gap: 8px; align-items: flex-start; width: 100%; font: inherit; font-size: 13px; padding: 5px 4px; border: 0; background: none; cursor: pointer; text-align: left; }
        #events button:hover { background: #eef5fb; }
        #events li.active button { background: #fff3cd; }
        #events svg { flex: none; }
        .note { color: #666; font-size: 12px; }
        #about p { color: #555; font-size: 12px; }
        .pm-event { background: none; border: 0; }
        .pm-event svg { display: block; overflow: visible; }
        .pm-bin, .pm-arrowhead { background: none; border: 0; }
        .pm-bin div, .marker-cluster div { display: flex; align-items: center; justify-content: center; border-radius: 50%; font-weight: bold; color: #fff; background: rgba(0, 70, 120, 0.82); border: 2px solid #fff; box-shadow: 0 0 0 1px rgba(0, 0, 0, 0.25); width: 100%; height: 100%; margin: 0; font-size: 11.5px; font-family: inherit; }
        .marker-cluster, .marker-cluster-small, .marker-cluster-medium, .marker-cluster-large { background: none !important; }
        .marker-cluster span { line-height: 1; }
        .pm-region-label { background: none; border: 0; color: #9b9284; font-size: 12px; letter-spacing: 2px; text-transform: uppercase; white-space: nowrap; text-align: center; }
        .leaflet-tooltip.pm-place-label, .leaflet-tooltip.pm-control-label { background: none; border: 0; box-shadow: none; padding: 0 2px; font-size: 12px; color: #222; text-shadow: 0 0 3px #fff, 0 0 3px #fff, 0 0 2px #fff; }
        .leaflet-tooltip.pm-place-label::before, .leaflet-tooltip.pm-control-label::before { display: none; }
        .leaflet-tooltip.pm-control-label { font-size: 11px; color: #333; font-style: italic; }
        .pm-z-low .pm-rank2, .pm-z-low .pm-rank3, .pm-z-mid .pm-rank3 { display: none; }
        .pm-z-low .pm-control-label, .pm-z-mid .pm-control-label { display: none; }
        .pm-legend { background: rgba(255, 255, 255, 0.95); border: 1px solid #bbb; border-radius: 4px; padding: 6px 10px; max-height: 70vh; max-width: 270px; overflow: auto; font-size: 12px; }
        .pm-legend .key { display: flex; align-items: center; gap: 6px; margin: 2px 0 2px 22px; color: #333; }
        .pm-legend summary { font-weight: bold; cursor: pointer; }
        .pm-legend label { display: flex; align-items: center; gap: 6px; margin: 3px 0; cursor: pointer; }
        .pm-legend h4 { margin: 8px 0 2px; font-size: 11.5px; color: #555; text-transform: uppercase; letter-spacing: 1px; }
        .pm-legend svg { flex: none; }
        .pm-popup h3 { margin: 0 0 2px; font-size: 15px; }
        .pm-popup .note { margin: 0 0 4px; }
        .pm-popup dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 6px 0; }
        .pm-popup dt { color: #666; }
        .pm-popup dd { margin: 0; }
        .pm-popup h4 { margin: 10px 0 4px; font-size: 12.5px; }
        .pm-popup ol { margin: 0; padding-left: 18px; }
        .pm-popup blockquote { margin: 2px 0 6px; padding-left: 8px; border-left: 3px solid #ddd; color: #333; }
        .pm-popup .claim { color: #8a3b00; font-weight: bold; }
        .pm-popup .rules li { font-family: 'DejaVu Sans Mono', monospace; font-size: 11px; white-space: pre-wrap; }
        .pm-popup .id { color: #888; font-size: 11px; }
        @media (max-width: 760px) { main { flex-direction: column; } #map { min-height: 60vh; } aside { width: auto; max-width: none; border-left: 0; } }

        """#
}
