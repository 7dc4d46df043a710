;; 200,000 lines "item I: 3I" built with str, joined by newlines.
(require '[clojure.string :as str])

(defn line [i] (str "item " i ": " (* i 3)))

(defn bench [] (count (str/join "\n" (map line (range 200000)))))

(bench.support/run bench)
