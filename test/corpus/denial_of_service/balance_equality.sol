// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract Crowdfund {
    uint256 public constant GOAL = 100 ether;
    bool public done;

    function contribute() external payable {} // @vulnerable: denial_of_service

    function finalize() external {
        require(address(this).balance == GOAL, "goal"); // @vulnerable: denial_of_service
        done = true;
    }
}
