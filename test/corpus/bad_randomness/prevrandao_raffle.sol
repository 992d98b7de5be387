// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract Raffle {
    address[] public entrants;

    function join() external payable { entrants.push(msg.sender); }

    function draw() external returns (address winner) {
        winner = entrants[block.prevrandao % entrants.length]; // @vulnerable: bad_randomness
        payable(winner).transfer(address(this).balance);
    }
}
