;; Shared entry point of the Clojure benchmark scripts (not a benchmark itself); bench/run
;; loads it first: java -cp CLOJURE clojure.main -i support.clj NAME.clj [N]
;;
;; Without N: runs the work once and prints the checksum. With N: runs it N times in this JVM,
;; printing "#iter I NANOS" per run, then the checksum. Integral doubles print without a
;; fraction, as Ludus shows numbers.
(ns bench.support)

(defn show [x]
  (if (and (float? x) (== x (Math/rint x))) (str (long x)) (str x)))

(defn run [work]
  (let [n (if (seq *command-line-args*) (parse-long (first *command-line-args*)) 0)]
    (if (pos? n)
      (loop [i 1 first-result nil last-result nil]
        (if (<= i n)
          (let [t0 (System/nanoTime)
                r (work)
                dt (- (System/nanoTime) t0)]
            (println "#iter" i dt)
            (when (and first-result (not= first-result r))
              (println "#error iteration" i "gave" (show r) ", iteration 1 gave" (show first-result))
              (System/exit 1))
            (recur (inc i) (or first-result r) r))
          (println (show last-result))))
      (println (show (work))))
    (flush)))
