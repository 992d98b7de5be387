// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract Auction {
    address public leader;
    uint256 public highestBid;

    function bid() external payable {
        require(msg.value > highestBid, "low");
        if (leader != address(0)) {
            (bool ok, ) = leader.call{value: highestBid}(""); // @vulnerable: denial_of_service @vulnerable: reentrancy
            require(ok, "refund failed");
        }
        leader = msg.sender;
        highestBid = msg.value;
    }
}
